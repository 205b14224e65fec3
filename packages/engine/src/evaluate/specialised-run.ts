import type { CompiledPack } from '../compile/compile-pack.js';
import type { EvalState } from '../compile/eval-state.js';
import { SPECIALISED_MOST, specialised, unpack } from '../compile/specialised.js';
import { offsetDate } from '../compile/compile-offset.js';
import { isIsoDate } from '../dates/iso-date.js';
import type { DeterminationAction, DeterminationScheduleEntry } from '../types.js';

/**
 * After an instance's rules gave its value (in `s.values`): its limiters, then a person's
 * decision (`evaluate.ts`), the value the rest of the pack reads written back.
 */
export type Settle = (inst: CompiledPack['order'][number], s: EvalState) => void;

/**
 * A pack's evaluation without explanation, written once per compiled pack as straight code
 * (`compile/specialised.ts`): every decision in order, then the determination's `decisions`,
 * then the actions and the schedule entries that apply. It calls the compiled closures the
 * evaluation's loops call, in the same order, so it gives the same values and throws the same
 * errors; each call has a call site of its own, which V8 inlines. Nothing the pack writes is in
 * the code: decisions, actions and entries are read from lists by index.
 */
export interface SpecialisedRun {
  /** Decides every instance in order (calling `settle` after those with limiters or a person's decision); returns the determination's `decisions`. */
  decide: (s: EvalState, settle: Settle) => Record<string, unknown>;
  /** The actions and schedule entries that apply, in the pack's order, as the evaluation writes them. */
  outcomes: (s: EvalState, actions: DeterminationAction[], schedule: DeterminationScheduleEntry[]) => void;
}

const runs = new WeakMap<CompiledPack, SpecialisedRun | null>();

/** The pack's specialised run, made on first use; null for a pack too large for one (its loops are used). */
export function specialisedRun(c: CompiledPack): SpecialisedRun | null {
  let run = runs.get(c);
  if (run === undefined) {
    run = c.order.length + c.instances.length > SPECIALISED_MOST || c.actions.length + c.schedule.length > SPECIALISED_MOST ? null : { decide: decideAll(c), outcomes: outcomesOf(c) };
    runs.set(c, run);
  }
  return run;
}

function decideAll(c: CompiledPack): SpecialisedRun['decide'] {
  const order = c.order;
  let code = `${unpack('d', 'D', order.length)} ${unpack('x', 'X', order.length)} ${unpack('n', 'N', c.instances.length)} const template = T; return function decide(s, settle) { const v = s.values;`;
  order.forEach((inst, k) => {
    code += ` v[${inst.slot}] = d${k}(s);`;
    if (inst.limits || inst.takesRecordedDecision) code += ` settle(x${k}, s);`;
  });
  // The determination's decisions, in the pack's order: a copy of an object of their names made
  // once (as JSON, which V8 holds in fast mode), each then written in place. A name `__proto__`
  // would set the copy's prototype: such a pack writes its members one by one.
  const ids = c.instances.map((i) => i.id);
  if (ids.includes('__proto__')) code += ' const o = {};';
  else code += ' const o = { ...template };';
  c.instances.forEach((inst, k) => { code += ` o[n${k}] = v[${inst.slot}];`; });
  code += ' return o; };';
  const template = JSON.parse(JSON.stringify(Object.fromEntries(ids.map((id) => [id, null])))) as Record<string, unknown>;
  return specialised<SpecialisedRun['decide']>(['D', 'X', 'N', 'T'], code, [order.map((i) => i.decide), order, ids, template]);
}

function outcomesOf(c: CompiledPack): SpecialisedRun['outcomes'] {
  const acts = c.actions;
  const entries = c.schedule;
  let code = `${unpack('aw', 'AW', acts.length)} ${unpack('a', 'A', acts.length)} ${unpack('ew', 'EW', entries.length)} ${unpack('e', 'E', entries.length)} const offsetDate = OFFSET, isIsoDate = IS_DATE;`;
  code += ' return function outcomes(s, actions, schedule) { let due, from, entry;';
  acts.forEach((act, k) => {
    code += ` if (aw${k}(s)) {`;
    code += act.due ? ` due = offsetDate(a${k}.due, s);` : ' due = s.assessmentDate;';
    code += act.interpretation
      ? ` s.interpretations.add(a${k}.interpretation); actions.push({ id: a${k}.id, label: a${k}.label, owner: a${k}.owner, due, source: a${k}.source, interpretation: a${k}.interpretation });`
      : ` actions.push({ id: a${k}.id, label: a${k}.label, owner: a${k}.owner, due, source: a${k}.source });`;
    code += ' }';
  });
  entries.forEach((e, k) => {
    code += ` if (ew${k}(s)) {`;
    code += e.from ? ` from = e${k}.from(s); if (!isIsoDate(from)) from = s.assessmentDate;` : ' from = s.assessmentDate;';
    code += ` entry = e${k}.timing(s, from); if (entry) {${e.interpretation ? ` s.interpretations.add(e${k}.interpretation);` : ''} schedule.push(entry); } }`;
  });
  code += ' };';
  return specialised<SpecialisedRun['outcomes']>(['AW', 'A', 'EW', 'E', 'OFFSET', 'IS_DATE'], code, [acts.map((a) => a.when.test), acts, entries.map((e) => e.when.test), entries, offsetDate, isIsoDate]);
}
