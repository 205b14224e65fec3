/**
 * Words for a value an assessment gave and for the JSON type a place takes, so that a value of
 * the wrong type says so: "the number 4, but this criterion takes text values".
 */

/** The value as given, in words: `the number 4`, `the text "four"`, `true`, `a list`, `nothing (null)`. */
export function givenValue(v: unknown): string {
  if (v === null) return 'nothing (null)';
  if (Array.isArray(v)) return `a list of ${v.length} item${v.length === 1 ? '' : 's'}`;
  switch (typeof v) {
    case 'number': return `the number ${v}`;
    case 'string': return `the text ${JSON.stringify(v)}`;
    case 'boolean': return `the value ${v}`;
    case 'object': return 'an object';
    default: return `a ${typeof v}`;
  }
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text values',
  number: 'numbers',
  integer: 'whole numbers',
  boolean: 'true or false',
  array: 'lists',
  object: 'objects',
  null: 'nothing (null)',
};

/** What a JSON Schema `type` (one or several) takes, in words: `text values`, `numbers or text values`. */
export function takenTypes(type: unknown): string {
  const types = (Array.isArray(type) ? type : String(type).split(',')).map((t) => TYPE_WORDS[String(t)] ?? String(t));
  return types.join(' or ');
}
