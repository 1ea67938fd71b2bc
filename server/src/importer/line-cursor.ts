// A forward-only cursor over a report's non-empty lines that raises ReportParseError at the current line; it never rewinds, which keeps parsing linear.
import { ReportParseError } from "./report-types.ts";
import type { SourceLine } from "./normalise.ts";

export class LineCursor {
  private pos = 0;

  constructor(
    private readonly lines: SourceLine[],
    /** Line number reported for "end of text". */
    readonly eofLine: number,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.lines.length;
  }

  peek(): SourceLine | undefined {
    return this.lines[this.pos];
  }

  next(): SourceLine {
    const line = this.lines[this.pos];
    if (line === undefined) throw this.error("more text");
    this.pos++;
    return line;
  }

  /** An error about the current line (or the end of text). */
  error(expected: string): ReportParseError {
    const line = this.peek();
    return line ? new ReportParseError(line.no, expected, line.text) : new ReportParseError(this.eofLine, expected, "");
  }
}
