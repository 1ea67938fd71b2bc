// The source pane of the report review: every line of the text read, numbered, with its role, or why it was
// skipped, and its warnings; skipped, warned and unaccounted lines stand out (colour and words, never colour alone).
import { useT } from "../i18n/i18n-context.tsx";
import { hasKey } from "../i18n/i18n.ts";
import { lineAnchor, type SourceLine } from "./report-review-model.ts";

function roleLabel(t: ReturnType<typeof useT>, line: SourceLine): string | null {
  if (line.state === "skipped") {
    const key = `im.skip.${line.reason ?? ""}`;
    return `${t("im.line.skipped")}：${hasKey(key) ? t(key) : (line.reason ?? "")}`;
  }
  if (!line.role) return null;
  const key = `im.role.${line.role}`;
  return hasKey(key) ? t(key) : line.role;
}

export function SourceLines({ lines }: { lines: SourceLine[] }) {
  const t = useT();
  const used = lines.filter((l) => l.state === "used").length;
  const skipped = lines.filter((l) => l.state === "skipped").length;
  const unaccounted = lines.filter((l) => l.state === "unaccounted").length;
  return (
    <section className="import-source" aria-labelledby="im-src-title">
      <h2 id="im-src-title">{t("im.source.title", { count: lines.length, used, skipped })}</h2>
      {unaccounted ? <p className="notice attention">{t("im.source.unaccounted", { count: unaccounted })}</p> : null}
      {/* Focusable so a keyboard can scroll it; labelled by the heading. */}
      <div className="source-scroll" tabIndex={0} role="region" aria-labelledby="im-src-title">
        <ol className="source-lines">
          {lines.map((l) => {
            const label = roleLabel(t, l);
            const warned = l.warnings.length > 0;
            return (
              <li
                key={l.line}
                id={lineAnchor(l.line)}
                tabIndex={-1}
                className={`source-line ${l.state}${warned ? " warned" : ""}`}
              >
                <span className="line-no" aria-hidden="true">
                  {l.line}
                </span>
                <span className="visually-hidden">{t("im.goLine", { line: l.line })}</span>
                <span className="line-text">{l.text || "\u00a0"}</span>
                {label ? <span className="line-role">{label}</span> : null}
                {l.warnings.map((w, i) => (
                  <span key={i} className="line-warning">
                    {t("im.line.warned")}：{w.message}
                  </span>
                ))}
              </li>
            );
          })}
        </ol>
      </div>
    </section>
  );
}
