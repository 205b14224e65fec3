import type { BandedNumber, CriterionToRaise, Determination, Pack } from '@openqaf/engine';
import { bandedWords, bandUp, explainDetermination, nextBandUp, takesWorseBand, worseBand, ownMember } from '@openqaf/engine/browser';

/** Why a decision's value is what it is and not the next band up its scale (towards its better end). */
export interface WhyNotHigher {
  /** The decision instance, e.g. `domainRating.safeguarding`. */
  instance: string;
  value: unknown;
  /** The next band up (towards the scale's better end), or undefined at the best band, at a value that is no band, or off an ordered scale. */
  nextUp?: string;
  /**
   * The rules that would have given a better band, what they needed in words, and (from an
   * explanation, not an old trace) the criteria whose judgements would have had to be higher; under a
   * hit policy that takes the worse band matched, the rules that fired for a worse band and what held.
   */
  blockers: { rule: string; label: string; because: string[]; criteria: (CriterionToRaise & { of: number; gain?: number })[] }[];
  /**
   * For a band given by a `band` expression: the number banded, the next band's threshold, the
   * points behind it, the criteria to raise (each with the points it gains) and the limiters that capped it.
   */
  band?: BandedNumber;
}

/**
 * For a decision instance of a determination made with `explain`, the rules that would have
 * given a better band on its scale and why each did not fire (or, where the worse band matched is
 * taken, the rules that fired for a worse band): the words from the engine's
 * `explainDetermination` (an explanation, or a trace stored before it), the criteria from its
 * `nextBandUp`.
 * @example whyNotHigher(pack, determination, 'domainRating.safeguarding')
 *   // { value: 'Bronze', nextUp: 'Silver', blockers: [{ rule: 'silver', because: ['needs exactly 0 mandatory ...; 1 was'], criteria: [{ id: 'saf-02', judgement: 'Partly met', needed: 'Fully met', of: 1 }] }] }
 */
export function whyNotHigher(pack: Pack, determination: Determination, instance: string): WhyNotHigher {
  const value = ownMember(determination.decisions, instance);
  const decisionId = instance.split('.')[0]!;
  const decision = ownMember(pack.decisions, decisionId);
  const scale = decision ? ownMember(pack.scales, decision.scale) : undefined;
  const ordered = scale && 'values' in scale ? scale : undefined;
  if (!decision || !ordered || typeof value !== 'string' || !ordered.values.includes(value)) return { instance, value, blockers: [] };
  const nextUp = bandUp(ordered, value);
  if (nextUp === undefined) return { instance, value, blockers: [] };
  // Under a policy that takes the worse band matched (Herefordshire's levels), the rules that fired for a band worse
  // than the next up kept it there; otherwise the rules for a better band that did not fire (the next band's first).
  const worseWins = takesWorseBand(decision.hitPolicy, ordered);
  const rules = decision.rules ?? [];
  const higher = rules.filter((r) => worseBand(ordered, value, r.output));
  const closest = higher.filter((r) => r.output === nextUp);
  const candidates = worseWins ? rules.filter((r) => worseBand(ordered, r.output, nextUp)) : closest.length > 0 ? closest : higher;
  const words = explainDetermination(pack, determination).filter((t) => t.decision === instance && !!t.fired === worseWins);
  const next = determination.explanation ? nextBandUp(pack, determination, instance) : undefined;
  const band = next?.band;
  if (band) {
    // A band of a number: how far it is from the next band's threshold, and the criteria whose raising reaches it, most gain first.
    const criteria = band.raise.map((r) => ({ id: r.id, title: r.title, judgement: r.judgement, needed: r.needed, of: band.raise.length, gain: r.gain }));
    return { instance, value, nextUp, band, blockers: [{ rule: band.rule, label: band.label, because: bandedWords(band), criteria }] };
  }
  const blockers = candidates.flatMap((rule) => {
    const entry = words.find((t) => t.rule === rule.id);
    const failed = next?.rules.find((r) => r.rule === rule.id)?.failed ?? [];
    const criteria = failed.flatMap((f) => (f.criteria ?? []).map((c) => ({ ...c, of: f.needs ?? 0 })));
    return entry ? [{ rule: rule.id, label: rule.label ?? rule.id, because: entry.because, criteria }] : [];
  });
  // A higher-priority rule that fired before a band rule could give the band up (a limiter written as a rule).
  if (!worseWins) {
    const fired = explainDetermination(pack, determination).filter((t) => t.decision === instance && t.fired);
    for (const r of next?.rules ?? []) {
      const entry = r.fired ? fired.find((t) => t.rule === r.rule) : undefined;
      if (entry && !blockers.some((b) => b.rule === r.rule)) blockers.push({ rule: r.rule, label: r.label, because: entry.because, criteria: [] });
    }
  }
  return { instance, value, nextUp, blockers };
}
