/**
 * Joins LP-format terms (`"3 x1"`, `"- 2 y4"`) into lines of bounded length so long rows stay readable
 * to the LP parser; a leading `+` is added where a term has no sign.
 * @example lpTerms(['3 x', '-2 y']); // ' + 3 x -2 y'
 */
export function lpTerms(terms: readonly string[]): string {
  let out = '';
  for (let k = 0; k < terms.length; k++) {
    const t = terms[k]!;
    if (k > 0 && k % 40 === 0) out += '\n ';
    out += t.startsWith('-') ? ` ${t}` : ` + ${t}`;
  }
  return out;
}
