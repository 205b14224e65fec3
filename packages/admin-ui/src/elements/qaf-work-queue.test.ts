import { describe, expect, it } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import type { CompleteActionDetail, WorkQueueItem } from './qaf-work-queue.js';
import './qaf-work-queue.js';

const items: WorkQueueItem[] = [
  { kind: 'action', providerId: 'p1', name: 'Bronze Early', id: 'improvement-plan', label: 'Submit an improvement plan', owner: 'provider', due: '2025-01-08', overdue: true, source: 'Testshire 3' },
  { kind: 'visit', providerId: 'p1', name: 'Bronze Early', id: 'annual-visit', label: 'Annual visit', due: '2026-12-01', overdue: false, source: 'Testshire 4' },
];
const draft: WorkQueueItem = {
  kind: 'draft', providerId: 'p2', name: 'Gold Star', id: 'v1', visitId: 'v1', label: 'Visit record of 10 December 2025 not submitted', due: '2025-12-10', overdue: true,
  source: 'Visit record started by Olive Officer on 10 December 2025', officerId: 'u1', officerName: 'Olive Officer',
};

describe('qaf-work-queue', () => {
  it('says a decision the framework sets no date for has none, and never marks it overdue', async () => {
    const undated: WorkQueueItem = { kind: 'decision', providerId: 'p3', name: 'Ash Court', id: 'selfAssessmentRequest', label: 'Decide Annual self-assessment (QM-3) asked for', owner: 'qa-team', dueWords: 'no date set by the framework', overdue: false, source: '1.QM-3' };
    const el = await mount('qaf-work-queue', { items: [...items, undated] });
    const row = [...el.shadowRoot!.querySelectorAll('tbody tr')][2]!;
    expect(row.querySelector('td')!.textContent!.trim()).toBe('no date set by the framework');
    expect(row.classList.contains('overdue')).toBe(false);
    expect(text(el)).toContain('3 items, 1 overdue.');
  });

  it('writes dates the UK way and marks what is overdue', async () => {
    const el = await mount('qaf-work-queue', { items, calendarHref: '/api/councils/testshire/work-queue.ics' });
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.querySelector('td')!.textContent!.replace(/\s+/g, ' ').trim())).toEqual(['8 January 2025 Overdue', '1 December 2026']);
    expect(rows[0]!.classList.contains('overdue')).toBe(true);
    expect(text(el)).toContain('2 items, 1 overdue.');
    expect(el.shadowRoot!.querySelector('a[download]')!.getAttribute('href')).toBe('/api/councils/testshire/work-queue.ics');
  });

  it('filters by kind', async () => {
    const el = await mount('qaf-work-queue', { items });
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'visit';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent)).toEqual([expect.stringContaining('Annual visit')]);
  });

  it('records an action as done on a date, and offers no form to a viewer', async () => {
    const el = await mount('qaf-work-queue', { items, canComplete: true, today: '2025-01-09' });
    let sent: CompleteActionDetail | undefined;
    el.addEventListener('complete-action', (e) => { sent = (e as CustomEvent<CompleteActionDetail>).detail; });
    const forms = el.shadowRoot!.querySelectorAll('form');
    expect(forms).toHaveLength(1);
    (forms[0]!.elements.namedItem('completedOn') as HTMLInputElement).value = '2025-01-07';
    forms[0]!.requestSubmit();
    expect(sent).toEqual({ providerId: 'p1', actionId: 'improvement-plan', completedOn: '2025-01-07' });
    expect((await mount('qaf-work-queue', { items, canComplete: false })).shadowRoot!.querySelector('form')).toBeNull();
  });

  it('shows drafts not submitted with their officer, filters to overdue only, and keeps the filters in the calendar link', async () => {
    const el = await mount('qaf-work-queue', { items: [...items, draft], calendarHref: '/api/councils/testshire/work-queue.ics' });
    // Every date the UK way, in the server's texts too.
    expect(text(el)).toContain('Draft not submitted: Visit record of 10 December 2025 not submitted');
    expect(text(el)).toContain('started by Olive Officer on 10 December 2025');
    expect(text(el)).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(text(el)).toContain('Olive Officer');
    const overdueOnly = el.shadowRoot!.querySelector<HTMLInputElement>('input[name="overdue"]')!;
    overdueOnly.checked = true;
    overdueOnly.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('tbody tr')).toHaveLength(2);
    expect(text(el)).toContain('2 items, 2 overdue.');
    const select = el.shadowRoot!.querySelector('select')!;
    select.value = 'draft';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(text(el)).toContain('1 item, 1 overdue.');
    expect(el.shadowRoot!.querySelector('a[download]')!.getAttribute('href')).toBe('/api/councils/testshire/work-queue.ics?kind=draft&overdue=true');
  });

  it('links a draft not submitted to its visit form, to resume it, and each provider to its page', async () => {
    const el = await mount('qaf-work-queue', { items: [...items, draft], council: 'testshire' });
    const resume = [...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent === 'Visit record of 10 December 2025 not submitted')!;
    expect(resume.getAttribute('href')).toBe('#/councils/testshire/visits/v1');
    expect(resume.closest('tr')!.classList.contains('overdue')).toBe(true);
    const provider = [...el.shadowRoot!.querySelectorAll('a')].find((a) => a.textContent === 'Gold Star')!;
    expect(provider.getAttribute('href')).toBe('#/councils/testshire/providers/p2');
  });

  it("switches between the council's work and mine, telling the page to reload", async () => {
    const el = await mount('qaf-work-queue', { items, calendarHref: '/q.ics' });
    const seen: boolean[] = [];
    el.addEventListener('mine-change', (e) => seen.push((e as CustomEvent<boolean>).detail));
    const [council, mine] = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name="whose"]')];
    expect(council!.checked).toBe(true);
    mine!.checked = true;
    mine!.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(seen).toEqual([true]);
    expect(el.shadowRoot!.querySelector('a[download]')!.getAttribute('href')).toBe('/q.ics?mine=true');
  });
});
