// Prints an export's progress ("导出进度 40/120") for the CLI, to stderr only so stdout stays clean for the summary. On a terminal one line is rewritten in place; in a log (--progress without a TTY) a line is written per tenth of the work, so logs stay short.
import type { ProgressFn } from "./load-inspection.ts";

export interface ProgressPrinter {
  report: ProgressFn;
  /** Ends the in-place line on a terminal; call once when the export is over, whether or not it succeeded. */
  finish(): void;
}

export function createProgressPrinter(write: (s: string) => void, tty: boolean, label = "导出进度"): ProgressPrinter {
  let lastStep = -1;
  let lastText = "";
  let pending = false;
  return {
    report(done, total) {
      const text = `${label} ${done}/${total}`;
      if (text === lastText) return;
      if (tty) {
        write(`\r${text}`);
        pending = true;
      } else {
        // Steps of 10%: the first call (0) and the last (total) always print.
        const step = total === 0 ? 10 : Math.floor((done / total) * 10);
        if (step === lastStep && done !== total) return;
        lastStep = step;
        write(`${text}\n`);
      }
      lastText = text;
    },
    finish() {
      if (pending) write("\n");
      pending = false;
    },
  };
}
