// Guesses the inspection from a ledger's title line, e.g. 常熟市落实省委第二巡视组反馈意见整改台账 or
// 市委第三巡察组巡察市财政局反馈问题整改台账; pure. Invariant: null unless both the team and the body are found.
import type { InspectionGuess } from "./types.ts";

const LEVEL = "中央|省委|市委|县委|区委|州委|旗委|党委|党组|縣委|區委|黨委|黨組";
const SUFFIX = "(?:巡视|巡視|巡察|审计|審計|督查)(?:组|組)";
// The team starts at the level word nearest its suffix (省委 in 某县党组落实省委第二巡视组), or after 落实/关于/对.
const TEAM = new RegExp(`((?:${LEVEL})(?:(?!${LEVEL}|落实|關於|关于)[^\\s，,、])*?${SUFFIX})`);
const BARE_TEAM = new RegExp(`(?:^|落实|落實|关于|關於|对|對)((?:(?!落实|关于|对)[^\\s，,、])+?${SUFFIX})`);

function kindOf(team: string): string {
  if (/巡视|巡視/.test(team)) return "巡视";
  if (/审计|審計/.test(team)) return "审计";
  return "巡察";
}

const clean = (s: string) =>
  s
    .replace(/^(关于|關於|中共|贯彻|落实|落實)+/, "")
    .replace(/(关于|關於|落实|落實|贯彻|对|對|接受|的)+$/, "")
    .trim();

export function guessInspection(title: string | null): InspectionGuess | null {
  if (!title) return null;
  const t = title.replace(/[\s\u3000]/g, "");
  const m = t.match(TEAM) ?? t.match(BARE_TEAM);
  if (!m || m.index === undefined) return null;
  const team = m[1]!;
  const start = m.index + m[0].length - team.length;
  const before = clean(t.slice(0, start));
  const after = t
    .slice(start + team.length)
    .match(/^(?:对|對|关于)?(?:巡视|巡察|审计)?(.+?)(?:巡视|巡察|审计)?(?:反馈|反饋|问题|整改)/);
  const body = before || clean(after?.[1] ?? "");
  if (!body || !team) return null;
  return { team, inspectedBody: body, kind: kindOf(team) };
}

/** The title the ledger export writes, which guessInspection reads back. */
export const ledgerTitle = (team: string, inspectedBody: string) => `${inspectedBody}落实${team}反馈意见整改台账`;
