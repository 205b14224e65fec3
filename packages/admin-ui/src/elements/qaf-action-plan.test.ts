import { describe, expect, it } from 'vitest';
import type { PlannedAction, TrackedPlannedAction } from '../api/report-api.js';
import { fill, submit } from './fake-server.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-action-plan.js';

describe('qaf-action-plan', () => {
  it('shows the plan with an owner and a date per action, and no form to council staff', async () => {
    const el = await mount('qaf-action-plan', { plan: [{ action: 'Retrain staff', owner: 'Registered manager', due: '2025-07-01' }] });
    expect([...el.shadowRoot!.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['Retrain staff', 'Registered manager', '1 July 2025', 'Not started']);
    expect(text(el)).not.toContain('not sent');
    expect(el.shadowRoot!.querySelector('form')).toBeNull();
  });

  it('sends the plan only when every action has an owner and a date, naming each missing field', async () => {
    const el = await mount('qaf-action-plan', { canEdit: true });
    let sent: PlannedAction[] | undefined;
    el.addEventListener('submit-action-plan', (e) => { sent = (e as CustomEvent<{ actions: PlannedAction[] }>).detail.actions; });
    fill(el, 'action-0', 'Retrain staff on complaints');
    submit(el, 'action-0');
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('.field-error')].map((e) => e.textContent)).toEqual(['Name who owns action 1', 'Give the date action 1 is due by']);
    expect(sent).toBeUndefined();
    fill(el, 'owner-0', 'Registered manager');
    fill(el, 'due-0', '2025-07-01');
    submit(el, 'action-0');
    expect(sent).toEqual([{ action: 'Retrain staff on complaints', owner: 'Registered manager', due: '2025-07-01' }]);
  });

  it("once final, shows each action's progress and records progress per action, never a whole new plan", async () => {
    const plan: TrackedPlannedAction[] = [
      { action: 'Retrain staff', owner: 'Registered manager', due: '2025-07-01', status: 'done', progress: [{ status: 'done', owner: 'Training lead', on: '2025-06-20', by: 'p', at: '2025-06-20T10:00:00Z' }] },
      { action: 'Audit care plans', owner: 'Deputy manager', due: '2025-08-01', status: 'open', progress: [] },
    ];
    const el = await mount('qaf-action-plan', { plan, canRecord: true });
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.lastElementChild!.textContent);
    expect(rows).toEqual(['Done on 20 June 2025 (Training lead)', 'Not started']);
    // No form to replace the plan; one progress form, for the action not done.
    expect(el.shadowRoot!.querySelector('#action-0')).toBeNull();
    expect(el.shadowRoot!.querySelector('#p-owner-1')).toBeNull();
    let sent: unknown;
    el.addEventListener('record-action-progress', (e) => { sent = (e as CustomEvent).detail; });
    submit(el, 'p-owner-2');
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('.field-error')].map((e) => e.textContent)).toEqual(['Give the date of the progress on action 2']);
    expect(sent).toBeUndefined();
    fill(el, 'p-on-2', '2025-07-15');
    (el.shadowRoot!.querySelector('#p-status-2') as HTMLSelectElement).value = 'done';
    submit(el, 'p-owner-2');
    expect(sent).toEqual({ number: 2, status: 'done', owner: 'Deputy manager', on: '2025-07-15' });
  });
});
