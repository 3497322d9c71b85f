/**
 * The deepest a JSON body may nest arrays and objects. The deepest real payload, a scheme draft,
 * nests 7 (the body, content, indicators[], an indicator, params, rules[], a rule); 64 leaves
 * room for any honest client. JSON.parse itself copes with far more, but everything that walks the parsed
 * value afterwards (the text check, zod, the audit log's JSON) recurses once per level, and a
 * few thousand levels exhaust the stack: a 500 for a 10 KB body.
 */
export const MAX_JSON_DEPTH = 64;

/**
 * Whether `text` opens more than `limit` arrays or objects inside one another, counted on the
 * text before it is parsed: `[` and `{` outside strings (a backslash escapes the character
 * after it). Linear, no recursion; text that is not JSON is left for JSON.parse to refuse.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c)
        i++; // \" or \\: the next character is not a quote that ends the string
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) {
      depth++;
      if (depth > limit) return true;
    } else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return false;
}
