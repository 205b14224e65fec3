import { describe, expect, it } from 'vitest';
import type { PlannedAction } from '../api/report-api.js';
import { fill, submit } from './fake-server.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-action-plan.js';

describe('qaf-action-plan', () => {
  it('shows the plan with an owner and a date per action, and no form to council staff', async () => {
    const el = await mount('qaf-action-plan', { plan: [{ action: 'Retrain staff', owner: 'Registered manager', due: '2025-07-01' }] });
    expect([...el.shadowRoot!.querySelectorAll('tbody td')].map((td) => td.textContent)).toEqual(['Retrain staff', 'Registered manager', '1 July 2025']);
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
});
