function tokens(pointer: string): string[] {
  if (pointer === '') return [];
  if (!pointer.startsWith('/')) throw new Error(`"${pointer}" is not a JSON pointer`);
  return pointer.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Escapes one key for use in a JSON pointer. */
export function pointerToken(key: string | number): string {
  return String(key).replace(/~/g, '~0').replace(/\//g, '~1');
}

/**
 * The value at a JSON pointer (RFC 6901), or undefined when the path does not exist.
 * @example valueAt({ a: [{ b: 2 }] }, '/a/0/b') // 2
 */
export function valueAt(doc: unknown, pointer: string): unknown {
  let here: unknown = doc;
  for (const t of tokens(pointer)) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[t];
  }
  return here;
}

/**
 * A copy of `doc` with the value at `pointer` replaced; the original is left untouched.
 * Only the objects along the path are copied.
 */
export function withValueAt<T>(doc: T, pointer: string, value: unknown): T {
  const path = tokens(pointer);
  if (path.length === 0) return value as T;
  const copy = (node: unknown, i: number): unknown => {
    const key = path[i]!;
    const base: Record<string, unknown> | unknown[] = Array.isArray(node) ? [...node] : { ...(node as Record<string, unknown>) };
    const record = base as Record<string, unknown>;
    record[key] = i === path.length - 1 ? value : copy(record[key] ?? {}, i + 1);
    return base;
  };
  return copy(doc, 0) as T;
}
