/**
 * Functions made from code the engine writes for one compiled pack (`new Function`), so that each
 * has its own call sites: V8 shares the feedback of every closure made at one place in the source
 * (each `(s) => a(s) && b(s)` of every condition), so a call there sees hundreds of functions and
 * is neither inlined nor predicted. Code made here calls the same closures, in the same order,
 * through call sites of its own, each seeing one function.
 *
 * Safe against hostile packs by construction: the code is the engine's own words, numbers and
 * punctuation only. Nothing a pack writes (an id, a fact's name, a value) is ever put in the
 * text; every value reaches the code through the arguments (lists of closures and values, read
 * by index). Code holding a quote, a backtick, a backslash or a comment is refused, so a string
 * could not be smuggled in even by a mistake here.
 */

/** What code made here may hold: names, numbers, spaces and JavaScript's operators and brackets. */
const ALLOWED = /^[A-Za-z0-9_$\s(){}[\];,.=!&|?:<>+\-*%]*$/;

/**
 * The most parts (rules, a condition's parts, decisions) a specialised function is written for:
 * beyond it, V8 would not optimise the code, and the engine's loops read them instead.
 */
export const SPECIALISED_MOST = 200;

/** Each function's number, written in its code: distinct code keeps V8 from sharing one compiled function (and its feedback) between packs. */
let made = 0;

/**
 * A function made from `code` (the body of a function of `params`) called with `args`: the code
 * returns the specialised function. Throws when the code holds anything but names, numbers and
 * operators (no text literals, no comments).
 * @example
 * const both = specialised<(s: S) => boolean>(['a', 'b'], 'return function test(s) { return !!(a(s) && b(s)); };', [isX, isY]);
 */
export function specialised<T>(params: readonly string[], code: string, args: readonly unknown[]): T {
  for (const p of params) if (!/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) throw new Error(`specialised: parameter ${JSON.stringify(p)} is not a plain name`);
  if (!ALLOWED.test(code) || code.includes('//') || code.includes('/*')) throw new Error('specialised: the code holds something other than names, numbers and operators');
  if (params.length !== args.length) throw new Error('specialised: as many arguments as parameters');
  // The code is the engine's own (checked above); the pack's values are the arguments.
  const make = new Function(...params, `'use strict'; const $made = ${made++}; ${code}`) as (...a: unknown[]) => T;
  return make(...args);
}

/** `names` as `prefix0, prefix1, ...` read from the list `list`: `const t0 = T[0], t1 = T[1];` (nothing for none). */
export function unpack(prefix: string, list: string, n: number): string {
  if (n === 0) return '';
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(`${prefix}${i} = ${list}[${i}]`);
  return `const ${parts.join(', ')};`;
}
