import { describe, expect, it } from 'vitest';
import { AssessmentError, analyse, compilePack, evaluate, explainDetermination, validatePack } from '@openqaf/engine';
import type { Assessment, Determination } from '@openqaf/engine';
import { describePackCases } from '@openqaf/engine/vitest';
import plugin, { pack } from './index.js';

const extensions = plugin.extensions ?? {};
const compiled = compilePack(pack, { extensions });
const determine = (assessment: Assessment): Determination => evaluate(compiled, assessment, { explain: true });
const dueOf = (d: Determination, id: string): string | undefined => d.actions.find((a) => a.id === id)?.due;
const nextDueOf = (d: Determination, id: string): string | undefined => d.schedule.find((s) => s.id === id)?.nextDue;

describe('the Herefordshire pack', () => {
  it('validates with no errors', () => {
    const result = validatePack(pack, { extensions });
    expect(result.errors, JSON.stringify(result.errors, null, 2)).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('has no warnings: the framework names the Appendix 1 text interpretation its structure relies on', () => {
    const result = validatePack(pack, { extensions });
    expect(result.warnings).toEqual([]);
    expect(pack.framework?.interpretations).toEqual(['appendix-1-illegible-text']);
  });

  it('has one rule per Appendix 2 threshold indicator, each citing its level\'s row', () => {
    const rules = pack.decisions.qualityThresholdLevel!.rules!;
    const bySection = (section: string, level: string): number =>
      rules.filter((r) => r.source.section === section && r.output === level).length;
    // Appendix 2 lists 9 Level 1, 10 Level 2 and 7 Level 3 indicators; the Level 3 CQC indicator
    // is split in two so that "conditions imposed on registration" can carry its interpretation, and
    // "repeated concerns" at Level 3 is the panel's decision, not a rule. Four Level 1 questions
    // answered No count at Level 2 (interpretation level-1-question-answered-no).
    expect(bySection('A2.T1', 'Level 1')).toBe(9);
    expect(rules.filter((r) => r.source.section === 'A2.T2' && r.interpretation !== 'level-1-question-answered-no')).toHaveLength(10);
    expect(rules.filter((r) => r.interpretation === 'level-1-question-answered-no')).toHaveLength(4);
    expect(bySection('A2.T3', 'Level 3')).toBe(7);
    expect(rules).toHaveLength(30);
  });

  it('encodes Appendix 1 as 4 strategic aims with 6, 7, 8 and 10 measures, each tagged with CQC key lines of enquiry', () => {
    const framework = pack.framework!;
    expect(framework.labels).toEqual({ domain: 'Strategic aim', standard: 'Outcome', criterion: 'Measure' });
    expect(framework.judgements.required).toBe(false);
    const counts = framework.domains.map((d) => d.standards.flatMap((s) => s.criteria).length);
    expect(counts).toEqual([6, 7, 8, 10]);
    const kloe = Object.keys(framework.tags ?? {});
    expect(kloe).toEqual(['safe', 'effective', 'caring', 'responsive', 'well-led']);
    for (const criterion of framework.domains.flatMap((d) => d.standards.flatMap((s) => s.criteria))) {
      expect(criterion.tags?.length, criterion.id).toBeGreaterThan(0);
      for (const tag of criterion.tags ?? []) expect(kloe, `${criterion.id} tag ${tag}`).toContain(tag);
    }
  });
});

describePackCases(plugin);

describe('the analysis of the Herefordshire pack', () => {
  const report = analyse(compiled);
  const decision = (id: string) => report.decisions.find((d) => d.decision === id)!;

  it('needs no plugin fact: "in place for more than 3 months" is date arithmetic in the condition', () => {
    expect(pack.extensions).toBeUndefined();
    expect(JSON.stringify(pack)).not.toContain('monthsAfter');
    expect(validatePack(pack).valid).toBe(true);
  });

  it('finds no gap, overlap, masked or unreachable rule in any decision', () => {
    expect(report.summary).toMatchObject({ gap: 0, overlap: 0, masked: 0, unreachable: 0, cycle: 0 });
  });

  it('checks the intervention and the review route over every threshold level exhaustively', () => {
    expect(decision('intervention').exhaustive).toBe(true);
    // The only hole is the one the documents leave: no indicator recorded, no intervention set.
    expect(decision('intervention').findings.map((f) => [f.kind, f.rule])).toEqual([['interpretation-only', 'not-determined']]);
    expect(decision('levelDecidedBy').exhaustive).toBe(true);
    expect(decision('reviewRoute').exhaustive).toBe(true);
  });

  it('gives a Level 2 rule\'s "decided only by" examples with no Level 3 indicator present (the level is the highest indicated, A2)', () => {
    // Under the max hit policy a Level 3 indicator decides the level whatever Level 2 indicators
    // are also present, so an example of a Level 2 rule deciding must not show one (it did before:
    // the analyser named the first rule matched, not the one giving the level).
    const threshold = decision('qualityThresholdLevel');
    // Each Level 3 indicator as the example words it when present: "<its title> <the value the rule wants>".
    const level3Present = pack.decisions.qualityThresholdLevel!.rules!.filter((r) => r.output === 'Level 3')
      .flatMap((r) => [...JSON.stringify(r.when).matchAll(/"fact":"([A-Za-z]+)","operator":"equal","value":(true|false)/g)])
      .map(([, f, v]) => `${pack.inputs.properties[f!]!.title as string} ${v}`);
    expect(level3Present.length).toBeGreaterThan(4);
    const level2 = threshold.findings.filter((f) => f.kind === 'interpretation-only' && f.rule!.startsWith('l2-'));
    expect(level2.length).toBeGreaterThan(0);
    for (const f of level2) for (const e of f.examples) for (const t of level3Present) expect(e.inputs, f.rule).not.toContain(t);
    // The Level 3 rules resting on an interpretation are reported as deciding in their own right.
    expect(threshold.findings.filter((f) => f.kind === 'interpretation-only' && f.rule!.startsWith('l3-')).map((f) => f.rule).sort())
      .toEqual(['l3-advisory-notice-or-placement-suspension-over-3-months', 'l3-cqc-conditions-imposed-on-registration', 'l3-improvement-plan-timescales-not-met']);
  });

  it('reports that only the de-escalation interpretation routes a Level 2 or 3 provider now showing Level 1 indicators', () => {
    const findings = decision('reviewRoute').findings;
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ kind: 'interpretation-only', rule: 'de-escalation-review', interpretation: 'review-route-de-escalation', count: 4 });
    expect(findings[0]!.examples.map((e) => e.inputs).sort()).toEqual([
      'Quality threshold level Level 1; Quality threshold level the provider is at before this review Level 2',
      'Quality threshold level Level 1; Quality threshold level the provider is at before this review Level 3',
      'Quality threshold level Not determined; Quality threshold level the provider is at before this review Level 2',
      'Quality threshold level Not determined; Quality threshold level the provider is at before this review Level 3',
    ]);
  });

  it('checks every combination of the yes/no indicators and every ordering of a notice\'s issue date three months before the assessment', () => {
    // Without the plugin fact the indicators split into independent groups (one rule each), so all
    // their combinations are covered; the issue date is read against the assessment date three
    // months on (A2.T3 "in place for >3 months"), so its orderings (not recorded, or the
    // assessment before, on or after the date three months on) stand for every date.
    const threshold = decision('qualityThresholdLevel');
    expect(threshold.exhaustive).toBe(true);
    expect(threshold.notes).toEqual([]);
    expect(threshold.dimensions).toContain('orderings of advisoryNoticeOrPlacementSuspensionIssuedOn, assessmentDate, moved by addMonths 3 (4)');
    // 21 yes/no facts (3 options: yes, no, not recorded) and the issue date's 4 orderings.
    expect(threshold.combinations).toBe(3 ** 21 * 4);
    expect(threshold.findings.filter((f) => f.kind === 'gap')).toEqual([]);
    expect(threshold.findings.find((f) => f.kind === 'fallback-only')).toBeDefined();
  });
});

describe('determinations', () => {
  it('puts a provider rated Inadequate by CQC at Level 3 with an automatic contract default notice due on the assessment date', () => {
    const d = determine({ date: '2025-06-10', facts: { overallCqcRatingInadequateOrRequiresImprovementInAllAreas: true, feedbackGenerallyPositive: true } });
    // A proposal until the multi-agency panel records its decision (3.4.4).
    expect(d.headline).toMatchObject({ decision: 'qualityThresholdLevel', value: 'Level 3', scale: 'thresholdLevel', pending: true });
    expect(d.decisions.intervention).toBe('Large scale intervention');
    expect(dueOf(d, 'automatic-contract-default-notice')).toBe('2025-06-10');
    // "Automatic advisory notice or placement suspension considered" (A2.M3): the commissioners' decision, due as the level is determined.
    expect(d.proposals?.find((p) => p.decision === 'placementSuspension')).toMatchObject({ proposed: 'To consider', role: 'commissioners', due: '2025-06-10' });
    expect(nextDueOf(d, 'monthly-contract-monitoring-meeting')).toBe('2025-07-10');
    expect(nextDueOf(d, 'monthly-multi-agency-quality-review-meeting')).toBe('2025-07-10');
    expect(nextDueOf(d, 'annual-quality-assurance-visit-or-contact')).toBeUndefined();
  });

  it('gives a provider with no concerns an annual quality assurance visit a year on and monthly returns a month on', () => {
    const d = determine({ date: '2024-01-31', facts: { littleOrNoQualityConcerns: true, submittingMonitoringInformationAsRequested: true } });
    expect(d.headline.value).toBe('Level 1');
    expect(d.decisions.reviewRoute).toBe('Quality team review; the team manager decides on escalation');
    expect(nextDueOf(d, 'annual-quality-assurance-visit-or-contact')).toBe('2025-01-31');
    // One calendar month after 31 January 2024 is the last day of February.
    expect(nextDueOf(d, 'monthly-provider-monitoring-returns')).toBe('2024-02-29');
    expect(d.actions.map((a) => a.id)).not.toContain('automatic-contract-default-notice');
  });

  it('takes the worst level any indicator reaches: any one Level 3 indicator lifts a Level 2 provider to Level 3', () => {
    const level2 = { contractDefaultNoticeServed: true, feedbackGivesRiseToAdditionalConcerns: true };
    expect(determine({ date: '2025-03-03', facts: level2 }).headline.value).toBe('Level 2');
    const level3Indicators: Record<string, unknown>[] = [
      { overallCqcRatingInadequateOrRequiresImprovementInAllAreas: true },
      { cqcNoticeOfProposalOrDecisionToCancelRegistration: true },
      { cqcConditionsImposedOnRegistration: true },
      { willingToEngageWithCommissioners: false },
      { furtherContractDefaultNoticeServed: true },
      { advisoryNoticeOrPlacementSuspensionIssuedOn: '2024-11-01' },
      { littleOrNoProgressAgainstServiceImprovementPlan: true },
    ];
    for (const indicator of level3Indicators) {
      expect(determine({ date: '2025-03-03', facts: { ...level2, ...indicator } }).headline.value, JSON.stringify(indicator)).toBe('Level 3');
    }
  });

  it('counts an advisory notice issued on 31 October as in place more than 3 months from 1 February, not on 31 January', () => {
    const facts = { advisoryNoticeOrPlacementSuspensionIssued: true, advisoryNoticeOrPlacementSuspensionIssuedOn: '2024-10-31' };
    expect(determine({ date: '2025-01-31', facts }).headline.value).toBe('Level 2');
    const after = determine({ date: '2025-02-01', facts });
    expect(after.headline.value).toBe('Level 3');
    expect(after.interpretations.map((i) => i.id)).toContain('more-than-three-months');
    const fired = explainDetermination(pack, after).filter((t) => t.decision === 'qualityThresholdLevel' && t.fired).map((t) => t.rule);
    expect(fired).toContain('l3-advisory-notice-or-placement-suspension-over-3-months');
  });

  it('routes a Level 2 provider to the monthly multi-agency quality review meeting and names the owner of each measure', () => {
    const d = determine({ date: '2025-03-03', facts: { submittingMonitoringInformationAsRequested: false } });
    expect(d.decisions.reviewRoute).toBe('Monthly multi-agency quality review meeting');
    expect(d.actions.find((a) => a.id === 'service-improvement-and-action-plan')).toMatchObject({ owner: 'Provider, with the quality team', due: '2025-03-03', source: '004 sA2.M2' });
    expect(nextDueOf(d, 'monthly-quality-team-meeting')).toBe('2025-04-03');
    expect(nextDueOf(d, 'monthly-contract-monitoring-meeting')).toBeUndefined();
  });

  it('refuses an assessment recording a fact the pack does not know, naming the fact', () => {
    const unknownFact = (): Determination => determine({ date: '2025-03-03', facts: { cqcRating: 'Good' } });
    expect(unknownFact).toThrow(AssessmentError);
    expect(unknownFact).toThrow(/cqcRating/);
  });

  it('words each improvement action by its measure as the Quality Outcomes Framework puts it, never by the measure id', () => {
    // 004 3.3.4 and Appendix 1 (Strategic aim 1): "Where the service is responsible for medicines, staff work creatively with service user's:
    // To closely involve them in the management and administration of their medicines ... To evidence regular medication reviews", as the pack words the measure.
    const judgements = Object.fromEntries(pack.framework!.domains.flatMap((d) => d.standards.flatMap((s) => s.criteria.map((c) => [c.id, 'Good']))));
    const d = determine({ date: '2019-03-03', judgements: { ...judgements, 'aim-1-m5': 'Area for improvement' }, facts: { feedbackGenerallyPositive: true, measureEvidence: { 'aim-1-m5': 'No medication reviews on file' } } });
    const because = explainDetermination(pack, d).filter((t) => t.rule === 'improve-aim-1-m5').flatMap((t) => t.because);
    expect(because.join('\n')).toContain('the measure "Where the service is responsible for medicines, service users are closely involved and medication reviews are evidenced" judged an area for improvement');
    expect(because.join('\n')).not.toMatch(/aim-1-m5/);
    for (const a of pack.outcomes.actions ?? []) expect(JSON.stringify([a.label, a.when]).match(/"label":"[^"]*\baim-\d-m\d+/)).toBeNull();
  });

  it('names schedule entries and parameters without the frequency or date their parameters set (004 s3.3, A2: "monthly", "annual" live in the citation)', () => {
    const fixed = /\b(monthly|annual|annually|every \d|March 2020)\b/i;
    for (const s of pack.outcomes.schedule ?? []) {
      if (JSON.stringify(s.every ?? {}).includes('"param"')) expect(s.label, s.id).not.toMatch(fixed);
    }
    for (const [name, d] of Object.entries(pack.parameters ?? {})) expect(d.label, name).not.toMatch(fixed);
    for (const w of pack.outcomes.warnings ?? []) expect(w.message, w.id).not.toMatch(fixed);
    // The document's own word stays quoted in the citation: 004 s3.3.2 "Monthly reporting will be requested".
    expect(pack.parameters!.monitoringReturnsEveryMonths!.source.quote).toContain('Monthly reporting will be requested');
    expect(pack.outcomes.schedule!.map((s) => s.label).join('\n')).not.toContain('(s)');
  });
});
