/**
 * The offset of the first syntax error in JSON text, found by a small scanner (JSON.parse's
 * messages do not always say where). Call it only on text JSON.parse has refused.
 */
export function jsonErrorOffset(text: string): { offset: number; expected: string } {
  let i = 0;
  const fail = (expected: string): never => { throw { offset: i, expected }; };
  const ws = (): void => { while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++; };
  const literal = (word: string): void => { if (text.startsWith(word, i)) i += word.length; else fail('a value'); };
  const string = (): void => {
    i++;
    while (i < text.length) {
      const ch = text[i]!;
      if (ch === '"') { i++; return; }
      if (ch === '\\') {
        const next = text[i + 1];
        if (next === 'u') { if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) { i += 2; fail('four hex digits'); } i += 6; continue; }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) { i++; fail('an escape such as \\n or \\"'); }
        i += 2;
        continue;
      }
      if (ch.charCodeAt(0) < 0x20) fail('a closing quote (control characters must be escaped)');
      i++;
    }
    fail('a closing quote');
  };
  const number = (): void => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m || m[0] === '-' || m[0] === '') fail('a value');
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++; ws();
      if (text[i] === '}') { i++; return; }
      for (;;) {
        ws();
        if (text[i] !== '"') fail('a property name in double quotes');
        string(); ws();
        if (text[i] !== ':') fail('a colon');
        i++; value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === '}') { i++; return; }
        fail('a comma or a closing brace');
      }
    }
    if (ch === '[') {
      i++; ws();
      if (text[i] === ']') { i++; return; }
      for (;;) {
        value(); ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === ']') { i++; return; }
        fail('a comma or a closing bracket');
      }
    }
    if (ch === '"') return string();
    if (ch === 't') return literal('true');
    if (ch === 'f') return literal('false');
    if (ch === 'n') return literal('null');
    if (ch === '-' || (ch !== undefined && ch >= '0' && ch <= '9')) return number();
    fail('a value');
  };
  try {
    value(); ws();
    if (i < text.length) fail('the end of the document');
  } catch (e) {
    if (e && typeof e === 'object' && 'offset' in e) return e as { offset: number; expected: string };
    throw e;
  }
  return { offset: text.length, expected: 'valid JSON' };
}
