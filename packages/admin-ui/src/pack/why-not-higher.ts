import type { CriterionToRaise, Determination, Pack } from '@openqaf/engine';
import { explainDetermination, nextBandUp } from '@openqaf/engine/browser';

/** Why a decision's value is what it is and not the next value up its scale. */
export interface WhyNotHigher {
  /** The decision instance, e.g. `domainRating.safeguarding`. */
  instance: string;
  value: unknown;
  /** The next value up the scale, or undefined at the top (or off an ordered scale). */
  nextUp?: string;
  /**
   * The rules that would have given a higher value, what they needed in words, and (from an
   * explanation, not an old trace) the criteria whose judgements would have had to be higher.
   */
  blockers: { rule: string; label: string; because: string[]; criteria: (CriterionToRaise & { of: number })[] }[];
}

/**
 * For a decision instance of a determination made with `explain`, the rules that would have
 * given a higher value on its scale and why each did not fire: the words from the engine's
 * `explainDetermination` (an explanation, or a trace stored before it), the criteria from its
 * `nextBandUp`.
 * @example whyNotHigher(pack, determination, 'domainRating.safeguarding')
 *   // { value: 'Bronze', nextUp: 'Silver', blockers: [{ rule: 'silver', because: ['needs exactly 0 mandatory ...; 1 was'], criteria: [{ id: 'saf-02', judgement: 'Partly met', needed: 'Fully met', of: 1 }] }] }
 */
export function whyNotHigher(pack: Pack, determination: Determination, instance: string): WhyNotHigher {
  const value = determination.decisions[instance];
  const decisionId = instance.split('.')[0]!;
  const decision = pack.decisions[decisionId];
  const scale = decision ? pack.scales[decision.scale] : undefined;
  const values = scale && 'values' in scale ? scale.values : undefined;
  if (!decision || !values || typeof value !== 'string' || !values.includes(value)) return { instance, value, blockers: [] };
  const rank = values.indexOf(value);
  const nextUp = values[rank + 1];
  if (nextUp === undefined) return { instance, value, blockers: [] };
  const higher = (decision.rules ?? []).filter((r) => typeof r.output === 'string' && values.indexOf(r.output) > rank);
  const closest = higher.filter((r) => r.output === nextUp);
  const candidates = closest.length > 0 ? closest : higher;
  const words = explainDetermination(pack, determination).filter((t) => t.decision === instance && !t.fired);
  const next = determination.explanation ? nextBandUp(pack, determination, instance) : undefined;
  const blockers = candidates.flatMap((rule) => {
    const entry = words.find((t) => t.rule === rule.id);
    const failed = next?.rules.find((r) => r.rule === rule.id)?.failed ?? [];
    const criteria = failed.flatMap((f) => (f.criteria ?? []).map((c) => ({ ...c, of: f.needs ?? 0 })));
    return entry ? [{ rule: rule.id, label: rule.label ?? rule.id, because: entry.because, criteria }] : [];
  });
  return { instance, value, nextUp, blockers };
}
