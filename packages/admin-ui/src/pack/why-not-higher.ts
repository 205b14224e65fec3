import type { Determination, Pack } from '@openqaf/engine';

/** Why a decision's value is what it is and not the next value up its scale. */
export interface WhyNotHigher {
  /** The decision instance, e.g. `domainRating.safeguarding`. */
  instance: string;
  value: unknown;
  /** The next value up the scale, or undefined at the top (or off an ordered scale). */
  nextUp?: string;
  /** The rules that would have given a higher value, and what they needed. */
  blockers: { rule: string; label: string; because: string[] }[];
}

/**
 * For a decision instance of a determination made with `explain`, the rules that would have
 * given a higher value on its scale and why each did not fire (from the trace).
 * @example whyNotHigher(pack, determination, 'domainRating.safeguarding')
 *   // { value: 'Bronze', nextUp: 'Silver', blockers: [{ rule: 'silver', because: ['needs at least 12 ... 11 were'] }] }
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
  const trace = (determination.trace ?? []).filter((t) => t.decision === instance && !t.fired);
  const blockers = candidates.flatMap((rule) => {
    const entry = trace.find((t) => t.rule === rule.id);
    return entry ? [{ rule: rule.id, label: rule.label ?? rule.id, because: entry.because }] : [];
  });
  return { instance, value, nextUp, blockers };
}
