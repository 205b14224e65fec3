/**
 * An input fact's name in plain words for an explanation: its schema's `title`; without one, the
 * lead of its `description` (the first sentence, up to a colon that starts an explanation: "The
 * kind of visit: the annual visit ..." reads "The kind of visit"; "Focussed inspection trigger: An
 * unusually high number ..." keeps its item); the fact's own name only when the pack gives neither.
 * A provider never reads `visitType`. See docs/reports.md.
 * @example inputFactLabel('visitType', { description: 'The kind of visit: the annual visit (the default), ...' }) // 'The kind of visit'
 */
export function inputFactLabel(fact: string, schema: { title?: unknown; description?: unknown } | undefined): string {
  if (typeof schema?.title === 'string' && schema.title.trim()) return schema.title;
  const description = typeof schema?.description === 'string' ? schema.description.trim() : '';
  if (!description) return fact;
  // The first sentence: a full stop followed by a capital starts the next ("s.42" and "000 s3.5" do not).
  const sentence = description.split(/\.\s+(?=[A-Z])/)[0]!.replace(/\.$/, '');
  // A colon followed by lower case explains what comes before it; followed by a capital it names an item.
  const colon = /:\s+(?=[a-z])/.exec(sentence);
  return colon ? sentence.slice(0, colon.index) : sentence;
}
