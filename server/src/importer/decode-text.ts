// Decodes a .txt report's bytes: BOM first (UTF-8, UTF-16 LE/BE), then UTF-16 without BOM by its zero bytes, then strict UTF-8, then
// chardet's best Chinese guess (GB18030 or Big5) through iconv-lite. Never returns mojibake: a decode with replacement characters fails.
import chardet from "chardet";
import iconv from "iconv-lite";

export type TextEncoding = "UTF-8" | "UTF-8 (BOM)" | "UTF-16LE" | "UTF-16BE" | "GB18030" | "Big5";

export class UndecodableTextError extends Error {
  constructor(
    /** The encodings tried, the most likely first. */
    readonly tried: string[],
    detail: string,
  ) {
    super(`the file is not readable text in ${tried.join(", ")}: ${detail}`);
    this.name = "UndecodableTextError";
  }
}

const REPLACEMENT = "\uFFFD";

/** Share of NUL bytes at even and odd offsets of the first 4 KB: text in UTF-16 has them on one side only. */
function utf16ByZeros(b: Uint8Array): "UTF-16LE" | "UTF-16BE" | null {
  const n = Math.min(b.length, 4096) & ~1;
  if (n < 4) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++;
    if (b[i + 1] === 0) odd++;
  }
  const pairs = n / 2;
  if (odd > pairs * 0.03 && odd > even * 4) return "UTF-16LE";
  if (even > pairs * 0.03 && even > odd * 4) return "UTF-16BE";
  return null;
}

function strict(label: string, b: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true }).decode(b);
  } catch {
    return null;
  }
}

/** Control characters other than tab, CR, LF and form feed never occur in a report. */
// eslint-disable-next-line no-control-regex
const CONTROL_RE = /[\u0000-\u0008\u000b\u000e-\u001f]/;

function checked(text: string, encoding: TextEncoding, tried: string[]): { text: string; encoding: TextEncoding } {
  const bad = text.indexOf(REPLACEMENT);
  if (bad >= 0 || CONTROL_RE.test(text)) {
    const at = bad >= 0 ? bad : text.search(CONTROL_RE);
    const line = text.slice(0, at).split("\n").length;
    throw new UndecodableTextError(tried, `an invalid byte sequence at line ${line}`);
  }
  return { text, encoding };
}

/** Strict UTF-16: an odd byte count or a lone surrogate is an error, not a replacement character. */
function utf16(b: Uint8Array, encoding: "UTF-16LE" | "UTF-16BE"): { text: string; encoding: TextEncoding } {
  const t = b.length % 2 === 0 ? strict(encoding.toLowerCase(), b) : null;
  if (t === null) throw new UndecodableTextError([encoding], "an odd number of bytes or an unpaired surrogate");
  return checked(t, encoding, [encoding]);
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncoding } {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) {
    const t = strict("utf-8", b.subarray(3));
    if (t === null) throw new UndecodableTextError(["UTF-8 (BOM)"], "an invalid UTF-8 byte sequence after the BOM");
    return checked(t, "UTF-8 (BOM)", ["UTF-8 (BOM)"]);
  }
  if (b[0] === 0xff && b[1] === 0xfe) return utf16(b.subarray(2), "UTF-16LE");
  if (b[0] === 0xfe && b[1] === 0xff) return utf16(b.subarray(2), "UTF-16BE");
  const wide = utf16ByZeros(b);
  if (wide) return utf16(b, wide);
  const utf8 = strict("utf-8", b);
  if (utf8 !== null) return checked(utf8, "UTF-8", ["UTF-8"]);
  // Not UTF-8: a legacy Chinese code page. chardet ranks them; GB18030 is a superset of GBK and GB2312.
  const ranked = chardet
    .analyse(b)
    .map((c) => c.name)
    .filter((n): n is "GB18030" | "Big5" => n === "GB18030" || n === "Big5");
  const order: Array<"GB18030" | "Big5"> =
    ranked.length > 0 ? [...new Set([...ranked, "GB18030", "Big5"] as const)] : ["GB18030", "Big5"];
  const best = order[0] as "GB18030" | "Big5";
  for (const enc of order) {
    const t = iconv.decode(Buffer.from(b), enc);
    if (!t.includes(REPLACEMENT) && !CONTROL_RE.test(t)) return { text: t, encoding: enc };
  }
  // Report the most likely encoding's failure, naming every encoding tried.
  return checked(iconv.decode(Buffer.from(b), best), best, ["UTF-8", ...order]);
}
