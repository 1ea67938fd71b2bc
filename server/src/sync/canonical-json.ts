// Canonical JSON (sorted keys, no whitespace; equal to RFC 8785 JCS for the values we use) so equal content always hashes equal.

/**
 * Serialises plain JSON data deterministically: object keys sorted by UTF-16 code units (as RFC 8785 does),
 * `undefined` members dropped (as JSON.stringify does), numbers and strings as ECMAScript's JSON.stringify
 * prints them (which is what RFC 8785 prescribes). Throws on anything JSON cannot represent faithfully
 * (NaN, Infinity, bigint, functions, symbols, cycles, non-plain objects such as Date or Map) rather than
 * silently hashing something different from what was sent.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set(), "$");
}

function write(value: unknown, seen: Set<object>, path: string): string {
  if (value === null) return "null";
  switch (typeof value) {
    case "boolean":
      return value ? "true" : "false";
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is not a finite number`);
      return JSON.stringify(value);
    case "object":
      break;
    default:
      throw new TypeError(`canonicalJson: ${path} has unsupported type ${typeof value}`);
  }
  if (seen.has(value)) throw new TypeError(`canonicalJson: ${path} is a cycle`);
  seen.add(value);
  let out: string;
  if (Array.isArray(value)) {
    out = `[${value
      .map((item, i) => {
        if (item === undefined) throw new TypeError(`canonicalJson: ${path}[${i}] is undefined`);
        return write(item, seen, `${path}[${i}]`);
      })
      .join(",")}]`;
  } else {
    const proto = Object.getPrototypeOf(value);
    if (proto !== Object.prototype && proto !== null) {
      throw new TypeError(`canonicalJson: ${path} is not a plain object`);
    }
    const record = value as Record<string, unknown>;
    const parts: string[] = [];
    // Default sort compares UTF-16 code units, exactly the order RFC 8785 requires.
    for (const key of Object.keys(record).sort()) {
      const v = record[key];
      if (v === undefined) continue;
      parts.push(`${JSON.stringify(key)}:${write(v, seen, `${path}.${key}`)}`);
    }
    out = `{${parts.join(",")}}`;
  }
  seen.delete(value);
  return out;
}
