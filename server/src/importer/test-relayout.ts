// Test-only: writes one report tree in the many ways real reports lay it out (DOMAIN.md "Real report layouts"): frame or none,
// status sections or status lines or a table column, categories or not, six problem heading styles, four measure styles,
// continuous or restarting numbers, hard wraps, web-page furniture. Returns the text and the tree the parser must read from it.
import { intToCn, titleKey } from "./normalise.ts";
import type { ParsedProblem, Section } from "./report-types.ts";

export interface TreeProblem {
  title: string;
  status: Section;
  /** Index into the tree's categories; non-decreasing over the problems of a status. */
  category: number;
  measures: string[];
}

export interface Tree {
  categories: string[];
  /** Completed problems first, then continuing ones. */
  problems: TreeProblem[];
}

export interface Layout {
  frame: boolean;
  status: "sections" | "lines" | "table";
  categories: boolean;
  heading: "arabic" | "comma" | "paren" | "paren-cn" | "question" | "lost";
  measures: "paren" | "arabic" | "points" | "label-points";
  restart: boolean;
  sectionWords: [number, number];
  wrap: number | null;
  furniture: boolean;
}

export const HEAD =
  "根据市委统一部署，市委第二巡察组于2023年4月3日至6月2日对市民政局党组开展了巡察，并于7月20日进行了反馈。按照党务公开原则和巡察工作有关要求，现将巡察整改进展情况予以公布。";
const TAIL = ["中共某市民政局党组", "2024年1月15日"];
export const DONE_WORDS = ["已完成的问题", "已整改到位的问题", "立行立改的问题", "集中整改期内已完成的整改事项"];
export const CONTINUING_WORDS = ["持续推进的问题", "长期坚持的问题", "正在整改的问题", "基本完成、需巩固提升的问题"];
const STATUS_TEXT: Record<Section, string> = { COMPLETED: "已完成", CONTINUING: "持续推进" };

type Expected = Omit<ParsedProblem, "line" | "measures"> & {
  measures: Array<{ number: number; numbered: boolean; text: string }>;
};

/** Groups of consecutive problems that share a section (when sections are written) and a category (when written). */
function groups(tree: Tree, layout: Layout): TreeProblem[][] {
  const out: TreeProblem[][] = [];
  let key = "";
  for (const p of tree.problems) {
    const k = `${layout.status === "sections" ? p.status : ""}|${layout.categories ? p.category : ""}`;
    if (k !== key || out.length === 0) out.push([]);
    out[out.length - 1]!.push(p);
    key = k;
  }
  return out;
}

function measureLines(ms: string[], layout: Layout, heading: Layout["heading"]): string[] {
  if (ms.length === 1 && (layout.measures === "points" || layout.measures === "label-points")) {
    return layout.measures === "label-points" ? [`整改落实情况：${ms[0]}`] : [ms[0]!];
  }
  const style = layout.measures === "paren" && heading === "paren" ? "arabic" : layout.measures;
  const arabicClash = style === "arabic" && (heading === "arabic" || heading === "comma");
  const lines = ms.map((m, i) => {
    if (style === "paren") return `（${i + 1}）${m}`;
    if (style === "arabic" && !arabicClash) return `${i + 1}.${m}`;
    if (style === "arabic") return `（${i + 1}）${m}`;
    return `${intToCn(i + 1)}是${m}`;
  });
  return style === "label-points" ? ["整改落实情况：", ...lines] : lines;
}

function headingLine(p: TreeProblem, n: number, heading: Layout["heading"]): string {
  const about = `关于“${p.title}”问题的整改。`;
  if (heading === "arabic") return `${n}.${about}`;
  if (heading === "comma") return `${n}、${about}`;
  if (heading === "paren") return `（${n}）${about}`;
  if (heading === "paren-cn") return `（${intToCn(n)}）关于“${p.title}”问题的整改`;
  if (heading === "question") return `问题${intToCn(n)}：${p.title}。`;
  return `关于${p.title}的问题`;
}

/** Splits long lines at `width` the way a PDF copy does (no line starts with punctuation: 禁则), never where the next piece would read as a new block. */
function wrapLine(line: string, width: number): string[] {
  const out: string[] = [];
  let rest = line;
  while (rest.length > width) {
    let cut = width;
    while (
      cut < rest.length &&
      (/[。；：:”）)]/.test(rest[cut - 1]!) ||
        /^[一二三四五六七八九十\d（(关整①。，、；：！？”）]/.test(rest.slice(cut)))
    )
      cut++;
    if (cut >= rest.length) break;
    out.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  out.push(rest);
  return out;
}

/** The text, the tree it encodes, and how many lines were broken by wrapping (the parser needs a few to see the width). */
export function layOut(tree: Tree, layout: Layout): { text: string; expected: Expected[]; wrapped: number } {
  const heading = layout.status === "table" ? "arabic" : layout.heading;
  const lines: string[] = [];
  const expected: Expected[] = [];
  if (layout.furniture)
    lines.push(
      "首页 > 信息公开 > 巡察工作",
      "关于市民政局党组巡察整改进展情况的通报",
      "来源：市纪委监委 发布时间：2024-01-16",
    );
  lines.push(HEAD);
  if (layout.frame)
    lines.push("一、整改工作组织领导情况", "一是成立整改领导小组。", "二是建立整改台账。", "二、整改进展情况");
  let n = 0;
  let section: Section | null = null;
  let sections = 0;
  let cats = 0;
  let category = -1;
  if (layout.status === "table") {
    lines.push(layout.categories ? "序号\t问题类别\t问题\t整改措施\t完成情况" : "序号\t问题\t整改措施\t完成情况");
  }
  for (const group of groups(tree, layout)) {
    const first = group[0]!;
    if (layout.status === "sections" && first.status !== section) {
      section = first.status;
      const words =
        section === "COMPLETED" ? DONE_WORDS[layout.sectionWords[0]] : CONTINUING_WORDS[layout.sectionWords[1]];
      lines.push(`（${intToCn(++sections)}）${words}`);
      [cats, category] = [0, -1];
      if (layout.restart || heading === "lost") n = 0;
    }
    if (layout.categories && first.category !== category) {
      category = first.category;
      if (layout.status !== "table") lines.push(`（${intToCn(++cats)}）${tree.categories[category]}`);
      // Lost numbers cannot show a restart at a category: they continue.
      if (layout.restart && heading !== "lost") n = 0;
    }
    for (const [i, p] of group.entries()) {
      n++;
      if (layout.status === "table") {
        const cat = layout.categories ? [i === 0 ? tree.categories[p.category]! : ""] : [];
        const ms = p.measures.length === 1 ? p.measures[0]! : p.measures.map((m, j) => `（${j + 1}）${m}`).join("");
        lines.push([String(n), ...cat, `关于“${p.title}”问题`, ms, STATUS_TEXT[p.status]].join("\t"));
      } else {
        lines.push(headingLine(p, n, heading));
        if (heading === "question" && layout.measures !== "label-points") lines.push("整改：");
        lines.push(...measureLines(p.measures, layout, heading));
        if (layout.status === "lines") lines.push(`完成情况：${STATUS_TEXT[p.status]}`);
      }
      const single = p.measures.length === 1;
      const bare =
        single && (layout.status === "table" || layout.measures === "points" || layout.measures === "label-points");
      expected.push({
        section: p.status,
        status: p.status,
        statusFrom: layout.status === "sections" ? "section" : "column",
        number: n,
        title: p.title,
        titleKey: titleKey(p.title),
        category: layout.categories ? tree.categories[p.category]! : null,
        body: "",
        measures: p.measures.map((text, j) => ({ number: j + 1, numbered: !bare, text })),
        children: [],
      });
    }
  }
  if (layout.frame) lines.push("三、下一步工作打算", "一是持续抓好整改。", "二是建立长效机制。");
  lines.push(...TAIL);
  if (layout.furniture) lines.push("分享到：", "主办单位：某市纪委监委 版权所有");
  const wrapped =
    layout.wrap === null ? lines : lines.flatMap((l) => (l.includes("\t") ? [l] : wrapLine(l, layout.wrap!)));
  return { text: `${wrapped.join("\n")}\n`, expected, wrapped: wrapped.length - lines.length };
}
