import { describe, expect, it } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import './qaf-status.js';

describe('qaf-status', () => {
  it('announces an error as an alert with its message', async () => {
    const el = await mount('qaf-status', { kind: 'error', message: 'The server cannot be reached.' });
    const div = el.shadowRoot!.querySelector('div')!;
    expect(div.getAttribute('role')).toBe('alert');
    expect(div.textContent).toContain('The server cannot be reached.');
  });

  it('says it is loading when given no message', async () => {
    const el = await mount('qaf-status', {});
    expect(text(el)).toContain('Loading…');
  });
});
