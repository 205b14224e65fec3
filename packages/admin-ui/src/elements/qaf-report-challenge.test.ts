import { describe, expect, it } from 'vitest';
import { sampleReport } from '../report/report-fixture.test-helpers.js';
import { fill, submit } from './fake-server.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import type { AnswerDetail, CommentDetail } from './qaf-report-challenge.js';
import './qaf-report-challenge.js';

const comment = { id: 'k1', finding: 'c4', comment: 'The log was in the office', by: 'u', at: '2025-03-06T10:00:00.000Z' };

describe('qaf-report-challenge', () => {
  it('lets the provider comment on a finding by its words within the window, and says when it closes', async () => {
    const el = await mount('qaf-report-challenge', { report: sampleReport, status: 'shared', today: '2025-03-19', canComment: true });
    expect(text(el)).toContain('Comments are open until 19 March 2025.');
    const options = [...el.shadowRoot!.querySelectorAll('#finding option')].map((o) => o.textContent);
    expect(options).toContain('Complaints are answered');
    let sent: CommentDetail | undefined;
    el.addEventListener('comment-on-finding', (e) => { sent = (e as CustomEvent<CommentDetail>).detail; });
    submit(el, 'comment');
    await el.updateComplete;
    expect(sent).toBeUndefined();
    expect(el.shadowRoot!.querySelector('.field-error')!.textContent).toBe('Write your comment');
    fill(el, 'finding', 'c4');
    fill(el, 'comment', 'The log was in the office');
    submit(el, 'comment');
    expect(sent).toEqual({ finding: 'c4', comment: 'The log was in the office' });
  });

  it('closes the comments after the last day', async () => {
    const el = await mount('qaf-report-challenge', { report: sampleReport, status: 'shared', today: '2025-03-20', canComment: true });
    expect(text(el)).toContain('Comments closed on 19 March 2025.');
    expect(el.shadowRoot!.querySelector('#comment')).toBeNull();
  });

  it('lets the officer accept or reject a comment with a reason, naming what is missing', async () => {
    const el = await mount('qaf-report-challenge', { report: sampleReport, status: 'shared', comments: [comment], canAnswer: true });
    expect(text(el)).toContain('On: Complaints are answered');
    let sent: AnswerDetail | undefined;
    el.addEventListener('answer-comment', (e) => { sent = (e as CustomEvent<AnswerDetail>).detail; });
    submit(el, 'reason-k1');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('.field-error')!.textContent).toBe('Choose accept or reject');
    el.shadowRoot!.querySelector<HTMLInputElement>('input[value=rejected]')!.checked = true;
    fill(el, 'reason-k1', 'No entries after January');
    submit(el, 'reason-k1');
    expect(sent).toEqual({ comment: 'k1', decision: 'rejected', reason: 'No entries after January' });
  });

  it('shows the recorded answer on a final report, with no forms', async () => {
    const answered = { ...comment, answer: { decision: 'accepted' as const, reason: 'Corrected', by: 'o', at: '2025-03-07T10:00:00.000Z' } };
    const el = await mount('qaf-report-challenge', { report: sampleReport, status: 'final', comments: [answered], canAnswer: true, canComment: true });
    expect(text(el)).toContain('Accepted: Corrected');
    expect(el.shadowRoot!.querySelector('form')).toBeNull();
  });
});
