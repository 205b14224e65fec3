import { describe, expect, it } from 'vitest';
import type { Visit } from '../api/visits-api.js';
import { assessmentFormModel } from '../pack/assessment-form-model.js';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { fakeServer, json, settled } from './fake-server.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-visit-review.js';

const submitted = (over: Partial<Visit> = {}): Visit => ({
  id: 'v1', providerId: 'p1', status: 'submitted', revision: 3, assessmentId: null, determinationFinal: false, createdBy: 'officer', updatedAt: '2026-12-01T10:00:00Z',
  draft: { date: '2026-05-02', judgements: {}, facts: {} }, prefilled: {}, factsConfirmed: null,
  events: [{ from: 'draft', to: 'submitted', by: 'officer', at: '2026-12-01T10:00:00Z' }], evidence: [], decisionsRecorded: [], etag: '"3"', ...over,
});

async function review(visit: Visit) {
  const seen = fakeServer((req) => (req.url.pathname.endsWith('/sign-off') ? json({ ...visit, status: 'signed-off', determinationFinal: true }) : undefined));
  const pack = testPack();
  const el = await mount('qaf-visit-review', { council: 'testshire', pack, model: assessmentFormModel(pack), visit, canReview: true, userId: 'reviewer' });
  await settled(el);
  return { el, seen };
}

describe('qaf-visit-review', () => {
  it('shows that signing off determines the record again under the version in force, and signs off naming that version', async () => {
    const { el, seen } = await review(submitted({
      notUnderVersionInForce: { decidedUnder: { version: '1.1.0', withdrawn: 'Threshold changed by mistake' }, inForce: { version: '1.2.0' }, before: 'Silver', after: 'Bronze', differences: [{ explanation: 'Overall rating: Silver -> Bronze' }] },
    }));
    const notice = el.shadowRoot!.getElementById('not-in-force')!;
    expect(notice.textContent!.replace(/\s+/g, ' ')).toContain('Submitted under version 1.1.0, which was withdrawn since (“Threshold changed by mistake”). Signing off determines it again under version 1.2.0: Silver → Bronze.');
    expect(notice.textContent).toContain('Overall rating: Silver -> Bronze');
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Sign off'))!;
    expect(button.textContent).toBe('Sign off, determined again under version 1.2.0');
    button.click();
    await settled(el);
    const signOff = seen.find((r) => r.url.pathname.endsWith('/sign-off'))!;
    expect(signOff.url.searchParams.get('redetermineUnder')).toBe('1.2.0');
  });

  it('signs off plainly when the record was decided under the version in force, and lists decisions recorded since', async () => {
    const { el, seen } = await review(submitted({
      decisionsRecorded: [{ id: 'r1', answers: { assessmentId: 'a1', determinationId: 'd1' }, assessmentId: 'a2', recordedBy: 'u2', recordedAt: '2026-12-02T10:00:00Z',
        decisions: { overallRating: { value: 'Bronze', by: 'manager@example.test', at: '2026-12-02', reason: 'Plan not received' } } }],
    }));
    expect(el.shadowRoot!.getElementById('not-in-force')).toBeNull();
    expect(text(el)).toContain('Bronze, decided by manager@example.test on 2 December 2026 — “Plan not received”');
    const button = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.startsWith('Sign off'))!;
    expect(button.textContent).toBe('Sign off the visit record');
    button.click();
    await settled(el);
    expect(seen.find((r) => r.url.pathname.endsWith('/sign-off'))!.url.search).toBe('');
  });
});
