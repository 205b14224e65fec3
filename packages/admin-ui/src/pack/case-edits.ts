import type { CaseExpectation, PackCase } from '@openqaf/engine';
import { fillsOf } from './case-words.js';

/** One change to a pack's cases: replace a case, copy it (inserted after it) or delete it. */
export type CaseEdit =
  | { kind: 'replace'; index: number; case: PackCase }
  | { kind: 'copy'; index: number; id: string }
  | { kind: 'delete'; index: number };

/** The id pattern the pack schema gives case ids. */
const CASE_ID = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/**
 * A copy of the pack content with one case edit applied; the original is left untouched.
 * A copy keeps everything of the original (input, expectations, note, citation) but its id.
 */
export function applyCaseEdit(content: Record<string, unknown>, edit: CaseEdit): Record<string, unknown> {
  const cases = [...((content.cases as PackCase[] | undefined) ?? [])];
  if (edit.kind === 'replace') cases[edit.index] = edit.case;
  else if (edit.kind === 'delete') cases.splice(edit.index, 1);
  else cases.splice(edit.index + 1, 0, { ...(structuredClone(cases[edit.index]!) as PackCase), id: edit.id });
  return { ...content, cases };
}

/** What is wrong with a case id, in plain words: empty, not an id, or used by another case. */
export function caseIdProblem(cases: readonly PackCase[], id: string, index?: number): string | undefined {
  if (id.trim() === '') return 'Give the case an id.';
  if (!CASE_ID.test(id)) return 'Use letters, digits, "-", "_" or "." only, starting with a letter or digit (e.g. safeguarding-silver-at-13).';
  if (cases.some((c, i) => c.id === id && i !== index)) return `Another case is already called "${id}".`;
  return undefined;
}

/** An id for a copy of a case that no case uses yet: `<id>-copy`, `<id>-copy-2`, ... */
export function copyId(cases: readonly PackCase[], id: string): string {
  const taken = new Set(cases.map((c) => c.id));
  let candidate = `${id}-copy`;
  for (let n = 2; taken.has(candidate); n++) candidate = `${id}-copy-${n}`;
  return candidate;
}

/** The case with one criterion's judgement set, or removed (left to the fill) when `undefined`. */
export function withJudgement(c: PackCase, criterion: string, judgement: string | undefined): PackCase {
  const judgements = { ...(c.input.judgements ?? {}) };
  if (judgement === undefined) delete judgements[criterion];
  else judgements[criterion] = judgement;
  const { judgements: _old, ...rest } = c.input;
  // Spreading over the original keeps the keys in their place in the JSON.
  return { ...c, input: Object.keys(judgements).length === 0 ? rest : { ...c.input, judgements } };
}

/**
 * The case with the judgement that fills unjudged criteria set for every domain (`*`) or one
 * domain, or removed when `undefined`. Written as a plain string when only `*` is left.
 */
export function withFill(c: PackCase, domain: string, judgement: string | undefined): PackCase {
  const fills = fillsOf(c);
  if (judgement === undefined) delete fills[domain];
  else fills[domain] = judgement;
  const next = { ...c };
  const keys = Object.keys(fills);
  if (keys.length === 0) delete next.fillJudgements;
  else next.fillJudgements = keys.length === 1 && keys[0] === '*' ? fills['*']! : fills;
  return next;
}

/** The case with one input fact recorded, or removed when `undefined`. */
export function withFact(c: PackCase, name: string, value: unknown): PackCase {
  const facts = { ...(c.input.facts ?? {}) };
  if (value === undefined) delete facts[name];
  else facts[name] = value;
  return { ...c, input: { ...c.input, facts } };
}

/** The case with one expectation set, or removed when `undefined` (or an empty list or object). */
export function withWant<K extends keyof CaseExpectation>(c: PackCase, key: K, value: CaseExpectation[K] | undefined): PackCase {
  const want: CaseExpectation = { ...(c.want ?? {}) };
  const empty = value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 0);
  if (empty) delete want[key];
  else want[key] = value;
  const { want: _old, ...rest } = c;
  return Object.keys(want).length === 0 && c.wantError !== undefined ? rest : { ...c, want };
}

/** The case with one expected decision value set, or no longer expected when `undefined`. */
export function withExpectedDecision(c: PackCase, id: string, value: unknown): PackCase {
  const decisions = { ...(c.want?.decisions ?? {}) };
  if (value === undefined) delete decisions[id];
  else decisions[id] = value;
  return withWant(c, 'decisions', decisions);
}

/** The case with one expected score set (a number, or `null` for no score), or no longer expected. */
export function withExpectedScore(c: PackCase, id: string, value: number | null | undefined): PackCase {
  const scores = { ...(c.want?.scores ?? {}) };
  if (value === undefined) delete scores[id];
  else scores[id] = value;
  return withWant(c, 'scores', scores);
}
