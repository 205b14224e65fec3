/**
 * Where a rule of a decision sits in the pack as its council wrote it: a rule of the decision's
 * `rules`, or a row of its decision table (compiled to a rule, `language/decision-table.ts`).
 * A finding about a rule (masked, unreachable, no value on the scale, interpretation-only) points
 * there, and names it a "rule" or a "row" as the pack does.
 */
import type { CompiledInstance, CompiledPack, CompiledRule } from '../compile/compile-pack.js';
import type { AnalysisFinding } from './analyse.js';
import type { FindingHead } from './finding-collector.js';
import { rowOriginsOf, tablePointer } from '../language/decision-table.js';
import { escapePointer } from '../schema/parse-json.js';

/** A rule's place: its JSON pointer in the pack as written, and whether it is a rule or a table row. */
export interface RulePlace {
  id: string;
  /** `/decisions/<id>/rules/<n>`, or `/decisions/<id>/table/rows/<n>` for a row of a decision table. */
  pointer: string;
  kind: 'rule' | 'row';
}

/**
 * The place of `rule`, a compiled rule of decision `decisionId` in `c`.
 * @example rulePlace(c, 'homeSupportBaseScore', rule) // { id: 'gold-2', pointer: '/decisions/homeSupportBaseScore/table/rows/4', kind: 'row' }
 */
export function rulePlace(c: CompiledPack, decisionId: string, rule: Pick<CompiledRule, 'id' | 'position'>): RulePlace {
  const pointer = tablePointer(`/decisions/${escapePointer(decisionId)}/rules/${rule.position}`, rowOriginsOf(c.pack));
  return { id: rule.id, pointer, kind: /\/table\/rows\/\d+$/.test(pointer) ? 'row' : 'rule' };
}

/**
 * Places in words, each kind named once in the number it takes: `rule "a"`, `rows "x", "y"`,
 * `rule "a" and rows "x", "y"`.
 * @example placesWords([{ id: 'inadequate', kind: 'row', pointer: '…' }]) // 'row "inadequate"'
 */
export function placesWords(places: readonly Pick<RulePlace, 'id' | 'kind'>[]): string {
  const named = (kind: RulePlace['kind']): string | undefined => {
    const ids = places.filter((p) => p.kind === kind).map((p) => `"${p.id}"`);
    return ids.length ? `${kind}${ids.length === 1 ? '' : 's'} ${ids.join(', ')}` : undefined;
  };
  return [named('rule'), named('row')].filter(Boolean).join(' and ');
}

/** What the rule findings below are made from: the decision instance and the compiled pack it is in. */
interface RuleFindingScope { c: CompiledPack; inst: CompiledInstance; qualifier: string }

/**
 * The finding of a rule (or row) that never matches, pointing at it.
 * @example unreachableFinding({ c, inst, qualifier: '' }, rule).message // 'row "two-or-more-inadequate" never matches'
 */
export function unreachableFinding({ c, inst, qualifier }: RuleFindingScope, rule: CompiledRule): AnalysisFinding {
  const place = rulePlace(c, inst.decisionId, rule);
  return { decision: inst.id, kind: 'unreachable', rule: rule.id, pointer: place.pointer, message: `${placesWords([place])} never matches${qualifier}`, count: 0, examples: [], more: 0 };
}

/**
 * The finding of a rule (or row) that matches only where higher-priority ones (`shadows`) already
 * decide, pointing at it and at them (`maskedBy`).
 * @example maskedFinding(scope, row, [first]).message // 'row "two-or-more-inadequate" matches only where the higher-priority row "inadequate" already decides'
 */
export function maskedFinding({ c, inst, qualifier }: RuleFindingScope, rule: CompiledRule, shadows: readonly CompiledRule[]): AnalysisFinding {
  const place = rulePlace(c, inst.decisionId, rule);
  const by = shadows.map((r) => rulePlace(c, inst.decisionId, r));
  const decide = by.length === 1 ? 'decides' : 'decide';
  return {
    decision: inst.id, kind: 'masked', rule: rule.id, pointer: place.pointer, maskedBy: by.map((p) => p.pointer),
    message: `${placesWords([place])} matches only where the higher-priority ${placesWords(by)} already ${decide}${qualifier}`,
    count: 0, examples: [], more: 0,
  };
}

/**
 * The head of a gap where a rule (or row) matches but gives no value on its decision's scale,
 * pointing at it; the collector adds the inputs.
 * @example noValueHead(c, inst, row).message // 'row "score" matches but gives no value on the scale "band"'
 */
export function noValueHead(c: CompiledPack, inst: CompiledInstance, rule: Pick<CompiledRule, 'id' | 'position'>): FindingHead {
  return headOf(inst, `novalue|${rule.id}`, () => {
    const place = rulePlace(c, inst.decisionId, rule);
    return { decision: inst.id, kind: 'gap', rule: rule.id, pointer: place.pointer, message: `${placesWords([place])} matches but gives no value on the scale "${inst.decision.scale}"` };
  });
}

/** Heads already made, by instance and finding key: the analyser asks at every point it notes, the head is made once. */
const HEADS = new WeakMap<CompiledInstance, Map<string, FindingHead>>();

function headOf(inst: CompiledInstance, key: string, make: () => FindingHead): FindingHead {
  const m = HEADS.get(inst) ?? HEADS.set(inst, new Map()).get(inst)!;
  return m.get(key) ?? m.set(key, make()).get(key)!;
}

/**
 * The head of an interpretation-only finding: inputs decided only by a rule (or row) relying on
 * an interpretation, pointing at it.
 * @example interpretationOnlyHead(c, inst, row).message // 'decided only by row "nursing", under interpretation "nursing-as-residential"'
 */
export function interpretationOnlyHead(c: CompiledPack, inst: CompiledInstance, rule: Pick<CompiledRule, 'id' | 'position' | 'interpretation'>): FindingHead {
  return headOf(inst, `interp|${rule.id}`, () => {
    const place = rulePlace(c, inst.decisionId, rule);
    return {
      decision: inst.id, kind: 'interpretation-only', rule: rule.id, pointer: place.pointer, interpretation: rule.interpretation!,
      message: `decided only by ${placesWords([place])}, under interpretation "${rule.interpretation}"`,
    };
  });
}
