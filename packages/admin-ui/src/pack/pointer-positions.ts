import { pointerToken } from './json-pointer.js';

/** Where a value sits in JSON text: character offsets, end exclusive. */
export interface TextRange {
  from: number;
  to: number;
}

/**
 * The text range of every value in a JSON document, keyed by JSON pointer, so the engine's
 * errors (which name pointers) can be shown at the right place in the editor. Returns
 * undefined when the text is not valid JSON.
 * @example pointerPositions('{"a":[1,2]}').get('/a/1') // { from: 8, to: 9 }
 */
export function pointerPositions(text: string): Map<string, TextRange> | undefined {
  const out = new Map<string, TextRange>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new SyntaxError(`Unexpected input at ${i}`);
  };
  const str = (): string => {
    const start = i;
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    if (i >= text.length) fail();
    i++;
    return JSON.parse(text.slice(start, i)) as string;
  };
  const value = (ptr: string): void => {
    ws();
    const from = i;
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          const key = str();
          ws();
          if (text[i++] !== ':') fail();
          value(`${ptr}/${pointerToken(key)}`);
          ws();
          if (text[i] === ',') { i++; continue; }
          if (text[i++] !== '}') fail();
          break;
        }
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') i++;
      else {
        for (let n = 0; ; n++) {
          value(`${ptr}/${n}`);
          ws();
          if (text[i] === ',') { i++; continue; }
          if (text[i++] !== ']') fail();
          break;
        }
      }
    } else if (c === '"') str();
    else {
      const m = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)/.exec(text.slice(i, i + 64));
      if (!m) fail();
      i += m![0].length;
    }
    out.set(ptr, { from, to: i });
  };
  try {
    value('');
    ws();
    if (i !== text.length) return undefined;
    return out;
  } catch {
    return undefined;
  }
}
