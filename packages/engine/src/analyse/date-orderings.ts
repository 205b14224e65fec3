import type { CompiledPack } from '../compile/compile-pack.js';
import type { EvalState } from '../compile/eval-state.js';
import { addDays, addMonths, isIsoDate } from '../dates/iso-date.js';
import { FACT_BY_NAME } from '../language/registry.js';
import { CALENDAR_BY_NAME, workingDayAdder } from '../language/calendars/calendars.js';
import { nextWeekday, WEEKDAYS, type Weekday } from '../dates/weekdays.js';
import type { Dimension, DimensionOption } from './input-space.js';

/**
 * Dates split by their orderings: where a decision reads its dates only to put them in order
 * (`before`, `after`, `onOrBefore`, `onOrAfter`, `equal`, `notEqual` between dates or with a
 * date written in the pack, `present`, and `mostRecent`, which orders its sources' dates and
 * asOf), only the order of those dates (with ties, and whether each is recorded) can change what
 * its rules do. Every such ordering is one point, so the dates are analysed exhaustively.
 *
 * Relative dates count too: a date compared with another date moved by a whole number of days,
 * months or working days (`{ "addMonths": 3, "to": { "fact": "issuedOn" } }`, "more than 3 months
 * after the notice"). Each move is a non-decreasing function of its date, so what a rule does
 * still changes only where the moved date passes the date it is compared with: the orderings
 * are then those of the dates and their moved images together. Months (a day past the end of a
 * month is its last day) and working days (weekends and a calendar's bank holidays) are not the
 * same everywhere in the year, so with a move the assessment date is ordered too, and the days
 * tried include each date's images and preimages under every move, with the weekends and month
 * ends around them. A move of a move (`{ "addDays": 5, "to": { "addMonths": 3, "to": ... } }`) is
 * one move, its steps composed (still non-decreasing); an amount given by a declared parameter is
 * its value where the decision reads it (the domain's in a per-domain decision).
 */

/** Operators that compare two dates by their order alone. */
const ORDER_OPERATORS = new Set(['before', 'after', 'onOrBefore', 'onOrAfter', 'equal', 'notEqual']);

/** Most assignments of dates to grid days tried when listing the orderings; more dates than that are sampled. */
export const MAX_DATE_ASSIGNMENTS = 1_000_000;

/** The dates a decision orders: the facts (input dates, `asOf`, `assessmentDate`) and the dates written in the pack. */
export interface DateReads {
  facts: Set<string>;
  literals: Set<string>;
  /**
   * The pairs compared (`a|b`, facts, written dates or moved facts `fact@addMonths:3`,
   * `fact@addWorkingDays:10:england-and-wales`): only their order tells points apart.
   */
  pairs: Set<string>;
  /** The moves applied to dates before they are compared (`addDays:-7`, `addMonths:3`, `addWorkingDays:10:scotland`). */
  moves: Set<string>;
}

/** The expressions that move a date by a whole number of units. */
const MOVES = ['addDays', 'addMonths', 'addWorkingDays'] as const;

/**
 * The step one expression takes from the date it holds (`to`, `onOrAfter`, `after`), as a string
 * (`addMonths:3`, `addWorkingDays:10:scotland`, `nextWeekday:friday:after`), and that date's
 * expression; undefined when it is not a move by a written whole number or to a weekday.
 */
function stepOf(o: Record<string, unknown>): { step: string; from: unknown } | undefined {
  if (typeof o.nextWeekday === 'string') {
    if (!(WEEKDAYS as readonly string[]).includes(o.nextWeekday) || Object.keys(o).length !== 2) return undefined;
    const key = 'after' in o ? 'after' : 'onOrAfter' in o ? 'onOrAfter' : undefined;
    return key && { step: `nextWeekday:${o.nextWeekday}:${key}`, from: o[key] };
  }
  const key = MOVES.find((k) => k in o);
  if (key === undefined || !Number.isInteger(o[key])) return undefined;
  const allowed = key === 'addWorkingDays' ? ['to', 'calendar'] : ['to'];
  if (Object.keys(o).some((k) => k !== key && !allowed.includes(k))) return undefined;
  if (o.calendar !== undefined && (typeof o.calendar !== 'string' || !CALENDAR_BY_NAME.has(o.calendar))) return undefined;
  return { step: `${key}:${o[key] as number}${o.calendar !== undefined ? `:${o.calendar as string}` : ''}`, from: o.to };
}

/**
 * The dates an expression of dates is the latest of, as terms: a date fact `f`, a moved date fact
 * `f@addMonths:3` (a move of a move `f@addMonths:3,addDays:5`, the steps in the order they are
 * taken; "the following Friday" a step too, `f@nextWeekday:friday:onOrAfter`), or a date written
 * in the pack (a written date moved is worked out here). A plain date is the latest of itself;
 * `{ "latestDate": [...] }` the latest of the terms of its parts; and as every step is a
 * non-decreasing function of its date, a step of the latest of some dates is the latest of their
 * steps, so a move of a `latestDate` is the moves of its terms. Undefined when it is anything
 * else (a parameter's amount is written in by then: `withParamsResolved`).
 */
function termsOf(v: unknown, isDate: (f: string) => boolean): string[] | undefined {
  if (isIsoDate(v)) return [v];
  const f = plainRef(v);
  if (f !== undefined) return isDate(f) ? [f] : undefined;
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.latestDate)) {
    if (Object.keys(o).length !== 1) return undefined;
    const parts = (o.latestDate as unknown[]).map((x) => termsOf(x, isDate));
    return parts.every((x) => x !== undefined) ? [...new Set(parts.flat())] : undefined;
  }
  const s = stepOf(o);
  const inner = s && termsOf(s.from, isDate);
  if (!s || !inner) return undefined;
  try {
    return inner.map((t) => (isWritten(t) ? moveFunction(s.step)(t) : t.includes('@') ? `${t},${s.step}` : `${t}@${s.step}`));
  } catch { return undefined; } // a written date moved by working days outside the calendar's years
}

/** True for a term that is a date written in the pack (a fact's name is never one). */
const isWritten = (t: string): boolean => isIsoDate(t);

/** The function one step of a move names (`addMonths:3`, `nextWeekday:friday:after`). */
function stepFunction(step: string): (date: string) => string {
  const [key, n, calendar] = step.split(':') as [string, string, string | undefined];
  if (key === 'nextWeekday') { const strictly = calendar === 'after'; return (d) => nextWeekday(d, n as Weekday, strictly); }
  const by = Number(n);
  if (key === 'addDays') return (d) => addDays(d, by);
  if (key === 'addMonths') return (d) => addMonths(d, by);
  const add = workingDayAdder(calendar, step);
  return (d) => add(d, by);
}

/** The function a move names (`addMonths:3`, or the steps of a move of a move, `addMonths:3,addDays:5`): a date to the moved date, non-decreasing (each step is). */
export function moveFunction(move: string): (date: string) => string {
  const steps = move.split(',').map(stepFunction);
  return steps.length === 1 ? steps[0]! : (d) => steps.reduce((x, fn) => fn(x), d);
}

/** Calendar days a move goes, about (for the days tried around its preimages), and by how many days that may be out (month ends, weekends). */
function moveSpan(move: string): { span: number; slack: number } {
  let span = 0;
  let slack = 0;
  for (const step of move.split(',')) {
    const [key, n] = step.split(':') as [string, string];
    if (key === 'nextWeekday') { span += 3; slack += 7; continue; }
    const by = Number(n);
    span += key === 'addDays' ? by : key === 'addMonths' ? Math.round(by * 30.44) : Math.ceil((by * 7) / 5);
    slack += key === 'addDays' ? 0 : 7;
  }
  return { span, slack };
}

/** True for a fact holding a date: an input of format date, the assessment date or asOf. */
export function isDateFact(c: CompiledPack, name: string): boolean {
  return name === 'asOf' || name === 'assessmentDate' || c.index.pack.inputs.properties[name]?.format === 'date';
}

/** The fact a plain reference `{ "fact": name }` (no parameters, no path) names. */
function plainRef(v: unknown): string | undefined {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  const o = v as Record<string, unknown>;
  if (typeof o.fact !== 'string' || o.path !== undefined || (o.params && Object.keys(o.params).length)) return undefined;
  return o.fact;
}

/** Puts dates in the state: asOf, the assessment date, or an input date (undefined: not recorded). */
function putDates(facts: string[], vals: (string | undefined)[]): (s: EvalState) => void {
  return (s) => {
    facts.forEach((f, i) => {
      const v = vals[i];
      if (f === 'asOf') s.asOf = v!;
      else if (f === 'assessmentDate') s.assessmentDate = v!;
      else { const inputs = s.facts as Record<string, unknown>; if (v === undefined) delete inputs[f]; else inputs[f] = v; }
    });
  };
}

/**
 * The determination date is on or after the assessment date (as the analysis has always taken
 * it: a determination for a date before the visit is not one to check).
 */
function determinedOnOrAfterAssessment(facts: string[], anchor: string): (vals: (string | undefined)[]) => boolean {
  const a = facts.indexOf('asOf');
  const d = facts.indexOf('assessmentDate');
  if (a < 0) return () => true;
  return (vals) => vals[a]! >= (d >= 0 ? vals[d]! : anchor);
}

/** The read keys of dimensions writing these dates (see `ruleReads`: a rule reading a date reads asOf too). */
function dateKeys(facts: string[]): string[] {
  return [...new Set([...facts.map((f) => (f === 'asOf' || f === 'assessmentDate' ? 'asOf' : `v:${f}`)), 'asOf'])];
}

/**
 * The dates the parts of a decision (rule conditions and outputs, fallback, limiters) order,
 * or undefined when a date is read some other way (date arithmetic, an output, a plugin fact
 * that could read any date), where orderings would not be enough.
 */
export function dateReads(c: CompiledPack, parts: unknown[]): DateReads | undefined {
  const out: DateReads = { facts: new Set(), literals: new Set(), pairs: new Set(), moves: new Set() };
  const pair = (a: string, b: string): void => { out.pairs.add(a < b ? `${a}|${b}` : `${b}|${a}`); };
  const ix = c.index;
  const isDate = (f: string): boolean => isDateFact(c, f);
  const known = (f: string): boolean => FACT_BY_NAME.has(f) || ix.inputFacts.has(f) || ix.instancesById.has(f) || !!ix.pack.inputs.properties[f] || !!ix.pack.decisions[f];
  const walk = (node: unknown): boolean => {
    if (node === null || typeof node !== 'object') return true;
    if (Array.isArray(node)) return node.every(walk);
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.mostRecent)) {
      // mostRecent orders its sources' dates, and skips those after asOf.
      out.facts.add('asOf');
      const dated: string[] = ['asOf'];
      for (const e of o.mostRecent as Record<string, unknown>[]) {
        const f = plainRef(e?.date);
        if (f !== undefined && isDate(f)) { out.facts.add(f); dated.push(f); }
        else if (!walk(e?.date)) return false;
        if (!walk(e?.value)) return false;
      }
      for (const a of dated) for (const b of dated) if (a !== b) pair(a, b);
      return true;
    }
    if (typeof o.fact === 'string') {
      // A plugin fact may read any date as it likes.
      if (!known(o.fact)) return false;
      const lhs = isDate(o.fact) ? plainRef(o) : undefined;
      if (!('operator' in o)) return !isDate(o.fact) && walk(o.params);
      const v = o.value;
      const rhs = plainRef(v);
      if (isDate(o.fact)) {
        if (lhs === undefined) return false;
        if (o.operator === 'present' && typeof v === 'boolean') { out.facts.add(lhs); return true; }
        if (!ORDER_OPERATORS.has(o.operator as string)) return false;
        // The value is the latest of some (moved) dates: the condition's verdict is fixed by how the
        // fact stands against each of them, and which are recorded (the latest skips the others).
        const terms = termsOf(v, isDate);
        if (!terms) return false;
        out.facts.add(lhs);
        for (const t of terms) {
          if (isWritten(t)) out.literals.add(t);
          else { const [f, move] = t.split('@') as [string, string | undefined]; out.facts.add(f); if (move !== undefined) out.moves.add(move); }
          pair(lhs, t);
        }
        return true;
      }
      if (rhs !== undefined && isDate(rhs)) return false;
      return walk(o.params) && walk(v);
    }
    return Object.values(o).every(walk);
  };
  return parts.every(walk) ? out : undefined;
}

/**
 * The days a date can take: every fixed date, and k days in each gap between them (fewer where
 * there are fewer); with moves, also the days around each day's images and preimages under every
 * move (as many rounds as there are dates, so a chain of moves is followed), wide enough to take
 * in the weekend and the month end nearby.
 */
function daysToTry(fixed: string[], k: number, moves: string[]): string[] {
  const days = new Set<string>();
  for (let i = 0; i < k; i++) days.add(addDays(fixed[0]!, i - k));
  fixed.forEach((d, j) => {
    days.add(d);
    const next = fixed[j + 1];
    for (let i = 1; i <= k; i++) { const x = addDays(d, i); if (next !== undefined && x >= next) break; days.add(x); }
  });
  if (!moves.length) return [...days];
  // The days around the fixed dates first, so the example of an ordering is near them where it can be.
  const base = [...days];
  const around = (d: string, width: number): void => { for (let i = -width; i <= width; i++) days.add(addDays(d, i)); };
  const fns = moves.map((m) => { const { span, slack } = moveSpan(m); return [moveFunction(m), span, slack, 3 * m.split(',').length] as const; });
  let frontier = [...days];
  for (let round = 0; round < k; round++) {
    const before = new Set(days);
    for (const d of frontier) {
      for (const [fn, span, slack, margin] of fns) {
        around(fn(d), k + slack);
        // The preimage: the days the move takes near d (searched around d less the move's span).
        const near = addDays(d, -span);
        for (let i = -(k + slack + margin); i <= k + slack + margin; i++) {
          const x = addDays(near, i);
          const y = fn(x);
          if (y >= addDays(d, -k) && y <= addDays(d, k)) days.add(x);
        }
      }
    }
    frontier = [...days].filter((d) => !before.has(d));
    if (!frontier.length) break;
  }
  const baseSet = new Set(base);
  return [...base, ...[...days].filter((d) => !baseSet.has(d)).sort()];
}

/** One side of a pair compared: the date's place in the dates varied (-1 for a written date or the fixed assessment date), its name, and its move. */
type Term = readonly [number, string, ((d: string) => string) | undefined];

/** A side of a pair as a function of the options picked: its date, moved (each move worked out once per option, when first needed). */
function sideOf([i, name, fn]: Term, choices: (string | undefined)[][], anchor: string): (pick: readonly number[]) => string | undefined {
  if (i < 0) {
    const v = name === 'assessmentDate' ? anchor : name;
    if (!fn) return () => v;
    let moved: string | undefined;
    return () => (moved ??= fn(v));
  }
  const ch = choices[i]!;
  if (!fn) return (pick) => ch[pick[i]!];
  const moved = new Array<string | undefined>(ch.length);
  return (pick) => {
    const p = pick[i]!;
    const v = ch[p];
    return v === undefined ? undefined : (moved[p] ??= fn(v));
  };
}

/**
 * Puts into `seen` one representative assignment per ordering, the first met: every assignment
 * of `choices` (the last date fastest) that is `possible`, told apart by which dates are recorded
 * and how each pair compares. The signature is a number (a digit per date and per pair) where
 * it fits in one exactly, else text; a move that throws (a working day outside its calendar's
 * years) throws from here.
 */
function orderings(choices: (string | undefined)[][], pairs: (readonly [Term, Term])[], anchor: string, possible: (vals: (string | undefined)[]) => boolean, seen: Map<number | string, (string | undefined)[]>): void {
  const k = choices.length;
  const total = choices.reduce((n, ch) => n * ch.length, 1);
  const sides = pairs.map(([a, b]) => [sideOf(a, choices, anchor), sideOf(b, choices, anchor)] as const);
  const numeric = k + 2 * pairs.length <= 52;
  const pick = new Array<number>(k).fill(0);
  const vals = pick.map((p, i) => choices[i]![p]);
  for (let n = 0; n < total; n++) {
    if (possible(vals)) {
      let sig: number | string;
      if (numeric) {
        let x = 0;
        for (let i = 0; i < k; i++) x = x * 2 + (vals[i] === undefined ? 0 : 1);
        for (const [sa, sb] of sides) {
          const a = sa(pick);
          const b = sb(pick);
          x = x * 4 + (a === undefined || b === undefined ? 0 : a < b ? 1 : a > b ? 2 : 3);
        }
        sig = x;
      } else {
        let t = vals.map((v) => (v === undefined ? '_' : '+')).join('');
        for (const [sa, sb] of sides) {
          const a = sa(pick);
          const b = sb(pick);
          t += a === undefined || b === undefined ? '.' : a < b ? '<' : a > b ? '>' : '=';
        }
        sig = t;
      }
      if (!seen.has(sig)) seen.set(sig, vals.slice());
    }
    for (let i = k - 1; i >= 0; i--) {
      if (++pick[i]! < choices[i]!.length) { vals[i] = choices[i]![pick[i]!]; break; }
      pick[i] = 0;
      vals[i] = choices[i]![0];
    }
  }
}

/** The ordering dimensions built for each pack, by the dates read: a decision, an outcome and a pair of outcomes reading the same dates share one. */
const built = new WeakMap<CompiledPack, Map<string, Dimension | undefined>>();

/**
 * One dimension over every ordering of the dates read (each optional input date also not
 * recorded) among themselves, their moved images, and the dates written in the pack; undefined
 * when there are more than `MAX_DATE_ASSIGNMENTS` to try. The assessment date is fixed at
 * `anchor` when no date is written in the pack and no date is moved (only orders matter, so one
 * assessment date stands for all); else it is ordered like the rest.
 */
export function dateOrderingDimension(c: CompiledPack, reads: DateReads, anchor: string): Dimension | undefined {
  const byReads = built.get(c) ?? new Map<string, Dimension | undefined>();
  built.set(c, byReads);
  const key = JSON.stringify([reads.facts, reads.literals, reads.pairs, reads.moves].map((x) => [...x].sort()).concat([[anchor]]));
  if (!byReads.has(key)) byReads.set(key, orderingDimension(c, reads, anchor));
  return byReads.get(key);
}

function orderingDimension(c: CompiledPack, reads: DateReads, anchor: string): Dimension | undefined {
  const ix = c.index;
  const literals = [...reads.literals].sort();
  const moves = [...reads.moves].sort();
  const fixed = literals.length ? literals : [anchor];
  const vary = [...reads.facts].filter((f) => literals.length || moves.length || f !== 'assessmentDate').sort();
  const k = vary.length;
  if (!k) return undefined;
  let days: string[];
  try { days = daysToTry(fixed, k, moves); } catch { return undefined; } // a working day outside the calendar's years: sampled
  const required = new Set(ix.pack.inputs.required ?? []);
  const choices = vary.map((f) => (f === 'asOf' || f === 'assessmentDate' || required.has(f) ? days : [...days, undefined]));
  const total = choices.reduce((n, ch) => n * ch.length, 1);
  if (total > MAX_DATE_ASSIGNMENTS) return undefined;
  // One representative per ordering: orderings are told apart by which dates are recorded and how each pair compared compares.
  // The assessment date, when fixed, is the anchor.
  const where = (f: string): number => { const i = vary.indexOf(f); return i >= 0 ? i : -1; };
  const fnOf = new Map(moves.map((m) => [m, moveFunction(m)]));
  const term = (t: string): Term => {
    const [name, move] = t.split('@') as [string, string | undefined];
    return [where(name), name, move === undefined ? undefined : fnOf.get(move)];
  };
  const pairs = [...reads.pairs].map((p) => p.split('|') as [string, string]).map(([a, b]) => [term(a), term(b)] as const);
  const seen = new Map<number | string, (string | undefined)[]>();
  const possible = determinedOnOrAfterAssessment(vary, anchor);
  try { orderings(choices, pairs, anchor, possible, seen); } catch { return undefined; } // a working day outside the calendar's years: sampled
  const title = (f: string): string => (f === 'asOf' ? 'determined on' : f === 'assessmentDate' ? 'assessed on' : typeof ix.pack.inputs.properties[f]?.title === 'string' ? ix.pack.inputs.properties[f]!.title as string : f);
  const options: DimensionOption[] = [...seen.values()].map((vals) => ({
    apply: putDates(vary, vals),
    words: vary.map((f, i) => (f === 'asOf' && vals[i] === anchor ? '' : `${title(f)} ${vals[i] ?? 'not recorded'}`)).filter(Boolean).join('; '),
    weight: 1,
  }));
  const against = [...literals];
  return {
    name: `orderings of ${vary.join(', ')}${against.length ? ` against ${against.join(', ')}` : ''}${moves.length ? `, moved by ${moves.map((m) => m.replace(/:/g, ' ').replace(/,/g, ' then ')).join(', ')}` : ''}`,
    exhaustive: true,
    dates: true,
    reads: dateKeys(vary),
    size: options.length,
    option: (i) => options[i]!,
  };
}

/**
 * A dimension over a fine grid of days for every date read (a check on the orderings: the
 * analysis over it must find what the orderings find).
 */
export function dateGridDimension(c: CompiledPack, reads: DateReads, grid: string[]): Dimension {
  const vary = [...reads.facts].sort();
  const required = new Set(c.index.pack.inputs.required ?? []);
  const choices = vary.map((f) => (f === 'asOf' || f === 'assessmentDate' || required.has(f) ? grid : [...grid, undefined]));
  const total = choices.reduce((n, ch) => n * ch.length, 1);
  const possible = determinedOnOrAfterAssessment(vary, grid[Math.floor(grid.length / 2)]!);
  const all: (string | undefined)[][] = [];
  for (let index = 0; index < total; index++) {
    const vals: (string | undefined)[] = [];
    let r = index;
    for (let i = vary.length - 1; i >= 0; i--) { vals[i] = choices[i]![r % choices[i]!.length]; r = Math.floor(r / choices[i]!.length); }
    if (possible(vals)) all.push(vals);
  }
  return {
    name: `grid of ${vary.join(', ')}`, exhaustive: false, dates: true, note: 'dates on a grid of days',
    reads: dateKeys(vary),
    size: all.length,
    option: (index) => ({ apply: putDates(vary, all[index]!), words: vary.map((f, i) => `${f} ${all[index]![i] ?? 'not recorded'}`).join('; '), weight: 1 }),
  };
}
