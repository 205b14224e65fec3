/**
 * The same text as V8 holds it for a property's name (internalised): an object written with
 * it as a key (a determination's `decisions`) is then written without looking the text up in
 * V8's table of names each time. Ids made by joining text (`domainRating.safeguarding`) are not
 * held so until first used as a key.
 */
export function propertyKey(text: string): string {
  const o: Record<string, number> = {};
  o[text] = 0;
  for (const k in o) return k;
  // "__proto__" sets no property: the text as it is.
  return text;
}
