import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEntry } from '../api/api-types.js';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { fakeServer, json, settled } from './fake-server.test-helpers.js';
import { mount } from './mount.test-helpers.js';
import './qaf-provider-page.js';

afterEach(() => vi.unstubAllGlobals());

/** A determination of the provider's timeline as the server gives it. */
function entry(over: Partial<TimelineEntry>): TimelineEntry {
  return {
    assessmentId: 'a1', date: '2027-01-04', createdAt: '2027-01-05T10:00:00.000Z', packVersion: '2.1.0', packHash: 'h2',
    headline: { decision: 'overall', value: 'Silver', scale: 'rating' }, decisions: {}, actions: [], schedule: [] as unknown as TimelineEntry['schedule'],
    ...over,
  };
}

/** The team manager's Silver, recorded without a reason, which 2.1.0 now proposes Bronze for. */
const departing = { overall: { value: 'Silver', by: 'Team Manager', at: '2027-01-05', computed: 'Bronze', kind: 'decision', role: 'team-manager', departsWithoutReason: true, roleLabel: 'the team manager', source: 'qaf s2', due: '2027-01-18' } } as TimelineEntry['decidedBy'];

/** Serves the provider (its current determination, `latest`, is `current`'s), its timeline and the pack. */
function serve(timeline: TimelineEntry[], current: string) {
  const provider = { id: 'p1', councilId: 't', name: 'Acme Care', cqcLocationId: null, serviceType: null, size: {}, facts: {}, revision: 1, createdAt: '', updatedAt: '',
    latest: { assessmentId: current, assessmentDate: timeline.find((e) => e.assessmentId === current)!.date, rating: 'Silver', packVersion: '2.1.0', nextVisitDue: null, overdueActions: 0, openActions: 0 } };
  fakeServer((req) => {
    if (req.url.pathname === '/api/councils/t/providers/p1') return json(provider);
    if (req.url.pathname === '/api/councils/t/providers/p1/timeline') return json({ provider: { id: 'p1', name: 'Acme Care' }, timeline, nextCursor: null });
    if (req.url.pathname === '/api/councils/t/pack') return json({ council: 't', version: '2.1.0', pack: testPack() });
    return undefined;
  });
}

/** The determinations table's rows, newest first, as their cells' words. */
const rows = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => ({ current: tr.classList.contains('current'), words: tr.textContent!.replace(/\s+/g, ' ') }));

describe('qaf-provider-page', () => {
  it('marks the current determination and asks for the missing reason on it', async () => {
    serve([entry({ assessmentId: 'a0', date: '2026-06-01', packVersion: '2.0.0' }), entry({ decidedBy: departing })], 'a1');
    const el = await mount('qaf-provider-page', { council: 't', provider: 'p1' });
    await settled(el);
    const [latest, older] = rows(el);
    expect(latest!.current).toBe(true);
    expect(latest!.words).toContain('Silver Current');
    expect(latest!.words).toContain('A decision departs from the proposal without a reason: add it under "Decisions without a reason"');
    expect(older!.current).toBe(false);
    expect(older!.words).not.toContain('Current');
    expect(el.shadowRoot!.querySelector('qaf-departing-decisions')!.getAttribute('current')).toBe('a1');
  });

  it('asks nothing of a decision without a reason on an earlier determination once a later visit is current: its row says it is history', async () => {
    serve([entry({ decidedBy: departing }), entry({ assessmentId: 'a2', date: '2027-03-01', headline: { decision: 'overall', value: 'Gold', scale: 'rating' } })], 'a2');
    const el = await mount('qaf-provider-page', { council: 't', provider: 'p1' });
    await settled(el);
    const [latest, older] = rows(el);
    expect(latest).toMatchObject({ current: true });
    expect(latest!.words).toContain('Gold Current');
    expect(older!.current).toBe(false);
    expect(older!.words).toContain('A decision departed from the proposal without a reason (history: a later determination is current)');
    expect(older!.words).not.toContain('add it under');
    const departingDecisions = el.shadowRoot!.querySelector('qaf-departing-decisions')!;
    await departingDecisions.updateComplete;
    expect(departingDecisions.shadowRoot!.querySelector('form')).toBeNull();
    expect(departingDecisions.shadowRoot!.querySelector('details.earlier')).not.toBeNull();
  });

  it("says an officer's override without a reason is one, not a departure from a proposal", async () => {
    const overridden = { overall: { value: 'Bronze', by: 'A. Officer', at: '2027-01-05', computed: 'Silver', kind: 'override', departsWithoutReason: true, roleLabel: 'the officer', source: 'qaf s2' } } as TimelineEntry['decidedBy'];
    serve([entry({ decidedBy: overridden })], 'a1');
    const el = await mount('qaf-provider-page', { council: 't', provider: 'p1' });
    await settled(el);
    const [row] = rows(el);
    expect(row!.words).toContain('An officer\'s override has no reason: add it under "Decisions without a reason"');
    expect(row!.words).not.toContain('proposal');
  });

  it('says a decision that agrees with the proposal but lacks the reason a later version always requires lacks it, not that it departs', async () => {
    const agreeing = { overall: { ...departing!.overall!, value: 'Bronze', computed: 'Bronze' } } as TimelineEntry['decidedBy'];
    serve([entry({ decidedBy: agreeing })], 'a1');
    const el = await mount('qaf-provider-page', { council: 't', provider: 'p1' });
    await settled(el);
    const [row] = rows(el);
    expect(row!.words).toContain('A decision has no reason, which the framework requires: add it under "Decisions without a reason"');
    expect(row!.words).not.toContain('departs');
  });
});
