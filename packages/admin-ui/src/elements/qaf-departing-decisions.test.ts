import { afterEach, describe, expect, it, vi } from 'vitest';
import { reasonMissingSentence, reasonMissingTaskWords, recordedAndNowWords } from '@openqaf/engine/browser';
import type { TimelineEntry } from '../api/api-types.js';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import { departingDecisions } from './qaf-departing-decisions.js';
import './qaf-departing-decisions.js';

/**
 * A provider's timeline as the server gives it: the team manager agreed Silver without a reason
 * (none was needed), then a later version, determining the assessment again, proposes Bronze.
 */
function entry(over: Partial<TimelineEntry> = {}): TimelineEntry {
  return {
    assessmentId: 'a2', date: '2027-01-04', createdAt: '2027-01-05T10:00:00.000Z', packVersion: '2.1.0', packHash: 'h2',
    headline: { decision: 'overallRating', value: 'Silver', scale: 'rating' }, decisions: {}, actions: [], schedule: [] as unknown as TimelineEntry['schedule'],
    decidedBy: {
      overallRating: { value: 'Silver', by: 'Team Manager', at: '2027-01-05', computed: 'Bronze', kind: 'decision', role: 'team-manager', departsWithoutReason: true, roleLabel: 'the team manager', source: 'qaf s2', due: '2027-01-18' },
    },
    ...over,
  };
}

const first = entry({ assessmentId: 'a1', packVersion: '2.0.0', decidedBy: undefined });
const flagged = entry({ answers: { assessmentId: 'a2' } as TimelineEntry['answers'] });

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('departingDecisions', () => {
  it('lists the decisions marked departsWithoutReason on the determinations a later decision did not answer', () => {
    const agreed = entry({ assessmentId: 'a3', decidedBy: { overallRating: { value: 'Silver', by: 'Team Manager', at: '2027-01-05', computed: 'Silver', kind: 'decision', role: 'team-manager' } } });
    expect(departingDecisions([first, flagged, agreed], 'a3').map((d) => `${d.entry.assessmentId} ${d.id} ${d.standing}`)).toEqual(['a2 overallRating earlier']);
    expect(departingDecisions([first, flagged], 'a2').map((d) => `${d.entry.assessmentId} ${d.id} ${d.standing}`)).toEqual(['a2 overallRating current']);
    expect(departingDecisions([entry({ provisional: true })], 'a1').map((d) => d.standing)).toEqual(['awaiting-sign-off']);
    // Answered by a later decision: that later determination carries it on, so this one is not asked about.
    expect(departingDecisions([entry({ answeredBy: { assessmentId: 'a4' } as TimelineEntry['answeredBy'] })])).toEqual([]);
  });
});

describe('qaf-departing-decisions', () => {
  it('says nothing when no decision departs without a reason', async () => {
    const el = await mount('qaf-departing-decisions', { council: 'testshire', timeline: [first] });
    expect(el.shadowRoot!.querySelector('section')).toBeNull();
    expect(text(el).trim()).toBe('');
  });

  it('says what to do, what was recorded, what is proposed and by when, to a viewer without a form', async () => {
    const pack = testPack();
    pack.decisions.overallRating = { ...pack.decisions[pack.outcomes.headline]!, label: 'Overall rating' };
    const el = await mount('qaf-departing-decisions', { council: 'testshire', current: 'a2', timeline: [first, flagged], pack, today: '2027-01-11' });
    const words = text(el);
    expect(words).toContain("Overall rating: The team manager's decision departs from the proposal and has no reason: add one.");
    expect(words).toContain('Recorded: Silver, by Team Manager on 5 January 2027, without a reason. The framework (pack 2.1.0) now proposes Bronze. Add the reason by 18 January 2027. (qaf s2)');
    expect(words).toContain('A quality officer or council admin adds the reason.');
    expect(words).not.toContain('Overdue');
    expect(el.shadowRoot!.querySelector('form')).toBeNull();
    expect(el.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe('#/councils/testshire/assessments/a2');
  });

  it('says a decision marked under a version that always requires a reason agrees with the proposal where it does', async () => {
    const taken = { ...flagged.decidedBy!.overallRating!, value: 'Bronze', computed: 'Bronze' };
    const el = await mount('qaf-departing-decisions', { council: 'testshire', current: 'a2', timeline: [{ ...flagged, decidedBy: { overallRating: taken } }], today: '2027-01-11' });
    expect(text(el)).toContain("The team manager's decision agrees with the proposal but has no reason, which the framework requires: add one.");
    expect(text(el)).not.toContain('departs from the proposal');
  });

  it('marks it overdue once the due date has passed', async () => {
    const el = await mount('qaf-departing-decisions', { council: 'testshire', current: 'a2', timeline: [flagged], today: '2027-01-19' });
    expect(text(el)).toContain('Overdue: the reason was due by 18 January 2027.');
  });

  it('asks no reason on a provisional determination', async () => {
    const el = await mount('qaf-departing-decisions', { council: 'testshire', timeline: [entry({ provisional: true })], canRecord: true });
    expect(el.shadowRoot!.querySelector('form')).toBeNull();
    expect(text(el)).toContain('Its visit record awaits sign-off: add the reason once it is signed off.');
  });

  it('adds the reason: the recorded value again with it, on the determination that carries it; an empty reason sends nothing', async () => {
    const seen = fakeServer((req) => req.method === 'POST' && req.url.pathname === '/api/councils/testshire/assessments/a2/decisions' ? json({ id: 'a3' }, 201) : undefined);
    const el = await mount('qaf-departing-decisions', { council: 'testshire', current: 'a2', timeline: [first, flagged], canRecord: true });
    const added: string[] = [];
    el.addEventListener('reason-added', (e) => added.push((e as CustomEvent<string>).detail));
    const field = el.shadowRoot!.getElementById('reason-a2-overallRating') as HTMLTextAreaElement;
    expect(el.shadowRoot!.querySelector(`label[for="${field.id}"]`)!.textContent).toBe('Reason for Silver');
    submit(el, field.id);
    await settled(el);
    expect(seen).toHaveLength(0);
    expect(text(el)).toContain('Give the reason for Silver: the framework now proposes Bronze.');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe('reason-a2-overallRating-error');
    fill(el, field.id, '  Improvements seen since the visit ');
    submit(el, field.id);
    await settled(el);
    expect(seen.map((r) => [r.method, r.url.pathname, r.body])).toEqual([
      ['POST', '/api/councils/testshire/assessments/a2/decisions', { decisions: { overallRating: { value: 'Silver', reason: 'Improvements seen since the visit' } } }],
    ]);
    expect(added).toEqual(['a3']);
  });

  it("shows the server's refusal at the reason, and anything else above the form", async () => {
    fakeServer(() => json({ error: { status: 422, code: 'invalid-assessment', message: 'The assessment is not valid', details: [{ pointer: '/decisions/overallRating/reason', message: 'The reason is missing: the decision records "Silver"…' }] } }, 422));
    const el = await mount('qaf-departing-decisions', { council: 'testshire', current: 'a2', timeline: [flagged], canRecord: true });
    const added: string[] = [];
    el.addEventListener('reason-added', (e) => added.push((e as CustomEvent<string>).detail));
    fill(el, 'reason-a2-overallRating', 'x');
    submit(el, 'reason-a2-overallRating');
    await settled(el);
    expect(el.shadowRoot!.getElementById('reason-a2-overallRating-error')!.textContent).toBe('The reason is missing: the decision records "Silver"…');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).toMatch(/^Not recorded: /);
    expect(added).toEqual([]);
  });

  it("asks nothing about a decision on an earlier determination: it is history, as the work queue, which asks only about the current one", async () => {
    // A later visit (a3, 1 March 2027) is the provider's current determination; a2's decision without a reason is history.
    const later = entry({ assessmentId: 'a3', date: '2027-03-01', decidedBy: undefined });
    const el = await mount('qaf-departing-decisions', { council: 'testshire', current: 'a3', timeline: [first, flagged, later], canRecord: true, today: '2027-03-02' });
    expect(el.shadowRoot!.querySelector('h2')).toBeNull();
    expect(el.shadowRoot!.querySelector('section')).toBeNull();
    expect(el.shadowRoot!.querySelector('form')).toBeNull();
    const history = el.shadowRoot!.querySelector('details.earlier')!;
    expect(history.querySelector('summary')!.textContent).toBe('Decisions without a reason on earlier determinations: history, nothing to do');
    const words = text(el);
    expect(words).toContain('overallRating: Recorded: Silver, by Team Manager on 5 January 2027, without a reason. The framework (pack 2.1.0) now proposes Bronze.');
    expect(words).not.toContain('Overdue');
    expect(history.querySelector('a')!.getAttribute('href')).toBe('#/councils/testshire/assessments/a2');
  });

  it("says the engine's sentences, the ones the work queue's item says too (one source: they cannot drift)", async () => {
    const overridden = entry({ decidedBy: { overallRating: { value: 'Bronze', by: 'A. Officer', at: '2027-01-05', computed: 'Silver', kind: 'override', departsWithoutReason: true, roleLabel: 'the officer', source: 'qaf s2' } } });
    for (const e of [flagged, overridden]) {
      const taken = e.decidedBy!.overallRating!;
      const words = text(await mount('qaf-departing-decisions', { council: 'testshire', current: 'a2', timeline: [e] }));
      expect(words).toContain(reasonMissingSentence(taken));
      expect(words).toContain(recordedAndNowWords(taken, 'The framework (pack 2.1.0)'));
      // The work queue's item (server: work-queue/sources/decisions.ts) says what was recorded in the same words.
      expect(reasonMissingTaskWords('Overall rating', taken)).toContain(recordedAndNowWords(taken));
    }
    // Written out, as the queue's test (server: assessments/redetermination-recorded-decision.test.ts) writes them too.
    expect(text(await mount('qaf-departing-decisions', { council: 'testshire', current: 'a2', timeline: [flagged] })))
      .toContain('Recorded: Silver, by Team Manager on 5 January 2027, without a reason. The framework (pack 2.1.0) now proposes Bronze.');
  });

  it("asks the officer for an override's reason as an override, not a proposal answered", async () => {
    const overridden = entry({ decidedBy: { overallRating: { value: 'Bronze', by: 'A. Officer', at: '2027-01-05', computed: 'Silver', kind: 'override', departsWithoutReason: true, roleLabel: 'the officer', source: 'qaf s2' } } });
    const el = await mount('qaf-departing-decisions', { council: 'testshire', current: 'a2', timeline: [overridden], canRecord: true });
    const words = text(el);
    expect(words).toContain("overallRating: The officer's override of the framework's value has no reason: add one.");
    expect(words).toContain('Overridden to Bronze by A. Officer on 5 January 2027, without a reason. The framework (pack 2.1.0) gives Silver. (qaf s2)');
    expect(words).not.toMatch(/propos|Add the reason by/);
    submit(el, 'reason-a2-overallRating');
    await settled(el);
    expect(text(el)).toContain('Give the reason for Bronze: the framework gives Silver.');
  });
});
