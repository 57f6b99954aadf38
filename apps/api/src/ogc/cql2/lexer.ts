import { Cql2SyntaxError } from './ast.js';

export type Token =
  | { t: 'word'; v: string; pos: number }
  | { t: 'quoted'; v: string; pos: number }
  | { t: 'string'; v: string; pos: number }
  | { t: 'number'; v: number; pos: number }
  | { t: 'punct'; v: string; pos: number }
  | { t: 'end'; pos: number };

/**
 * Split CQL2 text into tokens: words (keywords, property names), "quoted" identifiers, 'strings'
 * ('' escapes a quote), numbers, punctuation and comparison operators.
 * @example tokenize("status = 'open'").map((t) => t.t) // ['word', 'punct', 'string', 'end']
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
    } else if (c === "'" || c === '"') {
      const start = i;
      let v = '';
      i++;
      for (;;) {
        if (i >= text.length) throw new Cql2SyntaxError(c === "'" ? 'unterminated string' : 'unterminated quoted name', start);
        if (text[i] === c) {
          if (text[i + 1] === c) {
            v += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        v += text[i++];
      }
      out.push(c === "'" ? { t: 'string', v, pos: start } : { t: 'quoted', v, pos: start });
    } else if (/[0-9]/.test(c) || ((c === '-' || c === '+' || c === '.') && /[0-9.]/.test(text[i + 1] ?? ''))) {
      const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(text.slice(i))!;
      out.push({ t: 'number', v: Number(m[0]), pos: i });
      i += m[0].length;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z_\u0080-\uffff][A-Za-z0-9_.:\u0080-\uffff]*/.exec(text.slice(i))!;
      out.push({ t: 'word', v: m[0], pos: i });
      i += m[0].length;
    } else {
      const two = text.slice(i, i + 2);
      if (two === '<=' || two === '>=' || two === '<>' || two === '!=') {
        out.push({ t: 'punct', v: two === '!=' ? '<>' : two, pos: i });
        i += 2;
      } else if ('()=<>,'.includes(c)) {
        out.push({ t: 'punct', v: c, pos: i });
        i++;
      } else {
        throw new Cql2SyntaxError(`unexpected character "${c}"`, i);
      }
    }
  }
  out.push({ t: 'end', pos: text.length });
  return out;
}

