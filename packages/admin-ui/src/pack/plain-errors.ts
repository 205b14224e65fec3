import type { PackError } from '@openqaf/engine';
import { counted } from '../format/count-words.js';

/** An engine or server problem with a field, in plain words. */
export interface FieldProblem {
  pointer: string;
  message: string;
  hint?: string;
}

const AJV_PHRASES: [RegExp, (m: RegExpMatchArray) => string][] = [
  [/^must be >= (-?[\d.]+)$/, (m) => `Must be ${m[1]} or more.`],
  [/^must be > (-?[\d.]+)$/, (m) => `Must be more than ${m[1]}.`],
  [/^must be <= (-?[\d.]+)$/, (m) => `Must be ${m[1]} or less.`],
  [/^must be < (-?[\d.]+)$/, (m) => `Must be less than ${m[1]}.`],
  [/^must be integer$/, () => 'Must be a whole number.'],
  [/^must NOT have fewer than (\d+) characters$/, (m) => `Must have at least ${counted(Number(m[1]), 'character')}.`],
  [/^Must be number,string\.$/, () => 'Must be a number (or text).'],
];

/** The engine's message in plain words: ajv's terse phrases become sentences. */
export function plainMessage(message: string): string {
  for (const [pattern, words] of AJV_PHRASES) {
    const m = message.match(pattern);
    if (m) return words(m);
  }
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Pack errors as field problems in plain words. */
export function fieldProblems(errors: readonly PackError[]): FieldProblem[] {
  return errors.map((e) => ({ pointer: e.pointer, message: plainMessage(e.message), ...(e.hint ? { hint: e.hint } : {}) }));
}

/**
 * The problems that belong to a field: those at its pointer or inside it. A problem at a
 * parent (e.g. a whole `due` object) also belongs to each field under it.
 */
export function problemsAt(problems: readonly FieldProblem[], pointer: string): FieldProblem[] {
  return problems.filter((p) => p.pointer === pointer || p.pointer.startsWith(`${pointer}/`) || (p.pointer !== '' && pointer.startsWith(`${p.pointer}/`)));
}

/** Where a pointer points, in words a non-developer can follow: "/outcomes/actions/1/due/days" -> "outcomes › actions › 2 › due › days". */
export function pointerWords(pointer: string): string {
  if (pointer === '') return 'the whole pack';
  return pointer
    .slice(1)
    .split('/')
    .map((t) => (/^\d+$/.test(t) ? String(Number(t) + 1) : t.replace(/~1/g, '/').replace(/~0/g, '~')))
    .join(' › ');
}
