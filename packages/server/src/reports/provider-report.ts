import { datesInText, interpretationsInWords, nextBandUp } from '../engine/index.js';
import type { Determination, NextBand, Pack } from '../engine/index.js';

/** A criterion, by its wording, that kept a band from the next one up, with the judgement the officer recorded. */
export interface ReportCriterion {
  id: string;
  wording: string;
  /** The judgement the officer recorded (null: not judged). */
  judgement: string | null;
  /** The lowest judgement that would have counted towards the next band. */
  needed: string;
  /** The evidence the officer recorded for this criterion on the visit: its texts, and files by name. */
  evidence?: string[];
}

/** What kept one band (the rating, or a domain's band) from the next one up. */
export interface ReportBand {
  /** The decision instance, e.g. `domainRating.safeguarding`. */
  instance: string;
  /** The domain's title, for a per-domain band. */
  domain?: string;
  band: unknown;
  /** The next band up, towards the scale's better end; absent at the best band. */
  nextBand?: string;
  /** The value is no band at all (Herefordshire's "Not determined"): there is no band up to reach. */
  noBand?: true;
  /** The criteria, by their wording, whose judgements kept it from the next band. */
  criteria: ReportCriterion[];
  /** Other conditions of the next band that were not met, in the explanation's words. */
  otherReasons: string[];
  /**
   * What gave the band, in the pack's words (the rule that fired, the fallback, or who decided):
   * told when no criterion and no other condition is listed, e.g. a rating taken from other decisions.
   */
  givenBy?: string;
}

/** A rating that waits on a person's decision: what the rules propose, who decides and by when (not yet decided). */
export interface AwaitedDecision {
  proposed: unknown;
  /** Who decides, in the council's words ("the team manager"). */
  roleLabel: string;
  /** The date the decision is due by, when the pack gives one. */
  due?: string;
}

/** The challenge window: until when the provider may comment, and where that number comes from. */
export interface ChallengeWindow {
  days: number;
  /** The last day comments are accepted (inclusive). */
  until: string;
  /** `pack`: a declared parameter of the pack (cited); `council`: the council's setting or the documented default. */
  basis: 'pack' | 'council';
  /** Where the number comes from, in plain words (the citation, or the interpretation it is). */
  why: string;
}

/** The provider report: made from the stored determination and its structured explanation only. */
export interface ProviderReport {
  council: string;
  provider: { id: string; name: string };
  assessment: { id: string; date: string };
  officer: string | null;
  /** The second person who signed the visit record off; null before sign-off (or when none was recorded). */
  reviewer: string | null;
  /** The day the visit record was signed off. */
  reviewedOn?: string;
  framework: { title: string; version: string; hash: string };
  /** The headline rating; `awaiting` says who decides it and by when while it is only proposed (`pending`). */
  rating: { label: string; value: unknown; pending: boolean; description?: string; awaiting?: AwaitedDecision };
  bands: ReportBand[];
  /** The officer's recorded note on the visit (the evidence recorded with the assessment). */
  officerNote?: string;
  actions: { label: string; owner: string; due: string }[];
  /** Warnings about the determination itself ("the strategy is past its review date"), with the document and section; none in a determination stored before warnings. */
  warnings: { message: string; citation: string }[];
  nextVisit?: { label: string; due: string };
  challenge: ChallengeWindow;
  /** Only the interpretations this determination relied on, in plain words (their titles). */
  interpretations: string[];
}

/** What the report is made from. */
export interface ReportSubject {
  pack: Pack;
  /** The determination, with its explanation (format 3, or 2 as made before). */
  determination: Determination;
  council: string;
  provider: { id: string; name: string };
  assessment: { id: string; date: string; note?: string };
  officer: string | null;
  reviewer: string | null;
  reviewedOn?: string;
  challenge: ChallengeWindow;
  /** The evidence recorded on the visit, per criterion id (texts, and files by name). */
  evidence?: Readonly<Record<string, string[]>>;
}

/** Whether a decision's value is one its scale says is no band (`unrated`: "Not determined"). */
function unrated(pack: Pack, instance: string, value: unknown): boolean {
  const scale = pack.scales[pack.decisions[instance.split('.')[0]!]?.scale ?? ''];
  return !!scale && 'values' in scale && typeof value === 'string' && (scale.unrated ?? []).includes(value);
}

function bandOf(pack: Pack, d: Determination, instance: string, evidence: Readonly<Record<string, string[]>>, domain?: string): ReportBand {
  const next: NextBand = nextBandUp(pack, d, instance);
  const criteria = new Map<string, ReportCriterion>();
  const otherReasons: string[] = [];
  for (const rule of next.rules) {
    for (const failed of rule.failed) {
      if (failed.criteria && failed.criteria.length > 0) {
        for (const c of failed.criteria) {
          const recorded = evidence[c.id];
          criteria.set(c.id, { id: c.id, wording: c.title, judgement: c.judgement, needed: c.needed, ...(recorded?.length ? { evidence: [...recorded] } : {}) });
        }
      } else {
        // The explanation's words, with their dates written as the report writes dates.
        const words = datesInText(failed.words);
        if (!otherReasons.includes(words)) otherReasons.push(words);
      }
    }
  }
  return {
    instance,
    ...(domain !== undefined ? { domain } : {}),
    band: d.decisions[instance],
    ...(next.next !== undefined ? { nextBand: next.next } : {}),
    ...(unrated(pack, instance, d.decisions[instance]) ? { noBand: true as const } : {}),
    criteria: [...criteria.values()],
    otherReasons,
    ...(next.given ? { givenBy: next.given.label } : {}),
  };
}

/** A schedule entry is a visit when its activity or label says so. */
const VISIT = /visit/i;

/**
 * The provider report of a determination: the rating; each domain's band and the criteria, by
 * their wording, that kept it from the next band up (the engine's `nextBandUp`, never re-derived);
 * the evidence recorded for those criteria; actions with owner and due date; the next visit; the right to challenge and by when; and only
 * the interpretations the determination relied on, by their titles (never their internal notes).
 */
export function providerReport(s: ReportSubject): ProviderReport {
  const { pack, determination: d } = s;
  const headline = d.headline;
  const scale = pack.scales[headline.scale];
  const description = scale && 'descriptions' in scale ? (scale.descriptions as Record<string, string> | undefined)?.[String(headline.value)] : undefined;
  const evidence = s.evidence ?? {};
  const bands: ReportBand[] = [bandOf(pack, d, headline.decision, evidence)];
  for (const [id, decision] of Object.entries(pack.decisions)) {
    if (decision.forEach !== 'domain') continue;
    for (const domain of pack.framework?.domains ?? []) {
      const instance = `${id}.${domain.id}`;
      if (instance in d.decisions) bands.push(bandOf(pack, d, instance, evidence, domain.title));
    }
  }
  const proposal = headline.pending === true ? d.proposals?.find((p) => p.decision === headline.decision) : undefined;
  const awaiting: AwaitedDecision | undefined = proposal ? { proposed: proposal.proposed, roleLabel: proposal.roleLabel, ...(proposal.due ? { due: proposal.due } : {}) } : undefined;
  const visits = d.schedule.filter((e) => VISIT.test(e.activity) || VISIT.test(e.label)).sort((a, b) => a.nextDue.localeCompare(b.nextDue));
  return {
    council: s.council,
    provider: s.provider,
    assessment: { id: s.assessment.id, date: s.assessment.date },
    officer: s.officer,
    reviewer: s.reviewer,
    ...(s.reviewedOn ? { reviewedOn: s.reviewedOn } : {}),
    framework: { title: pack.metadata.title, version: d.pack.version, hash: d.pack.hash },
    rating: { label: pack.decisions[headline.decision]?.label ?? headline.decision, value: headline.value, pending: headline.pending === true, ...(description ? { description: interpretationsInWords(pack, description) } : {}), ...(awaiting ? { awaiting } : {}) },
    bands,
    ...(s.assessment.note ? { officerNote: s.assessment.note } : {}),
    actions: d.actions.map((a) => ({ label: a.label, owner: a.owner, due: a.due })),
    warnings: (d.warnings ?? []).map((w) => ({ message: w.message, citation: w.citation })),
    ...(visits[0] ? { nextVisit: { label: visits[0].label, due: visits[0].nextDue } } : {}),
    challenge: s.challenge,
    interpretations: d.interpretations.map((i) => i.title),
  };
}
