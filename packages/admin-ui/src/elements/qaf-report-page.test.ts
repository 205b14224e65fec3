import { describe, expect, it } from 'vitest';
import { sampleReply } from '../report/report-fixture.test-helpers.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-report-page.js';

const base = '/api/councils/testshire/assessments/a1/report';

describe('qaf-report-page', () => {
  it('offers the officer to share once the visit record is signed off, and shows the shared report after', async () => {
    let reply = sampleReply({ status: 'draft', visit: { id: 'v1', status: 'signed-off' }, sharedOn: undefined });
    const seen = fakeServer((req) => {
      if (req.method === 'GET' && req.url.pathname === base) return json(reply);
      if (req.method === 'POST' && req.url.pathname === `${base}/share`) { reply = sampleReply(); return json(reply); }
      return undefined;
    });
    const el = await mount('qaf-report-page', { council: 'testshire', assessment: 'a1', reader: 'officer' });
    await settled(el);
    expect(el.shadowRoot!.querySelector('a[download]')!.getAttribute('href')).toBe(`${base}.pdf`);
    const share = [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent === 'Share with the provider')!;
    share.click();
    await settled(el);
    expect(seen.map((r) => `${r.method} ${r.url.pathname}`)).toContain(`POST ${base}/share`);
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).toContain('Make the report final');
  });

  it('says why a report cannot be shared before sign-off, and shows a refused step as an alert', async () => {
    fakeServer((req) => {
      if (req.url.pathname === base) return json(sampleReply({ status: 'draft', visit: { id: 'v1', status: 'submitted' }, sharedOn: undefined }));
      return undefined;
    });
    const el = await mount('qaf-report-page', { council: 'testshire', assessment: 'a1', reader: 'officer' });
    await settled(el);
    expect(text(el)).toContain('The visit record is submitted: a reviewer signs it off before the report is shared with the provider.');
    expect([...el.shadowRoot!.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Share with the provider');
  });

  it('sends a provider user\'s comment and shows the server\'s refusal in words', async () => {
    const seen = fakeServer((req) => {
      if (req.method === 'GET' && req.url.pathname === base) return json(sampleReply({ report: { ...sampleReply().report, challenge: { ...sampleReply().report.challenge, until: '2999-12-31' } } }));
      if (req.method === 'POST' && req.url.pathname === `${base}/comments`) return json({ error: { status: 409, code: 'challenge-window-closed', message: 'Comments were accepted until 2025-03-19' } }, 409);
      return undefined;
    });
    const el = await mount('qaf-report-page', { council: 'testshire', assessment: 'a1', reader: 'provider' });
    await settled(el);
    const challenge = el.shadowRoot!.querySelector('qaf-report-challenge')!;
    fill(challenge, 'finding', 'c4');
    fill(challenge, 'comment', 'The log was in the office');
    submit(challenge, 'comment');
    await settled(el);
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({ finding: 'c4', comment: 'The log was in the office' });
    expect(el.shadowRoot!.querySelector('[role=alert]')!.textContent).toContain('Comments were accepted until');
    expect(el.shadowRoot!.querySelector('qaf-action-plan')!.canEdit).toBe(true);
  });
});
