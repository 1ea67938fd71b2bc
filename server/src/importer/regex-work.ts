// Test-only: a deterministic measure of the work a function makes the regular-expression engine do (calls plus characters each exec
// scans forward; backtracking inside one match is not seen), so linearity is asserted by counting instead of timing, which flakes on a loaded machine.
const original = RegExp.prototype.exec;

/** Runs `fn` and returns how far RegExp exec scanned, summed over every call (every match, test, replace, split and matchAll goes through it). */
export function regexWork(fn: () => void): number {
  let work = 0;
  // Replacing exec takes V8 off its regexp fast paths, so String methods call this one (ECMAScript RegExpExec).
  RegExp.prototype.exec = function exec(this: RegExp, s: string) {
    const text = String(s);
    const from = this.global || this.sticky ? this.lastIndex : 0;
    const m = original.call(this, text);
    // The engine's forward scan: to the end of a match, or over the rest of the text when it fails (an anchored or sticky
    // pattern fails at its first position).
    const anchored = this.sticky || (this.source.startsWith("^") && !this.multiline);
    const scanned = m ? m.index + m[0].length - from : anchored ? 1 : text.length - from;
    work += 1 + Math.max(0, scanned);
    return m;
  };
  try {
    fn();
  } finally {
    RegExp.prototype.exec = original;
  }
  return work;
}

/** Work at size 2n over work at size n: about 2 for a linear function, about 4 for a quadratic one. */
export function growth(make: (n: number) => () => void, n: number): number {
  return regexWork(make(2 * n)) / Math.max(1, regexWork(make(n)));
}
