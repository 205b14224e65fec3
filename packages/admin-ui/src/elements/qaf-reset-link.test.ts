import { describe, expect, it } from 'vitest';
import type { PasswordResetReply } from '../api/admin-api.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-reset-link.js';

const reply = (code: string): PasswordResetReply =>
  ({ userId: 'u-ann', email: 'ann@testshire.gov.uk', code, resetPath: `#/reset-password/${code}`, expiresAt: '2026-12-08T09:30:00.000Z' }) as PasswordResetReply;

describe('qaf-reset-link', () => {
  it('shows nothing until a link is issued', async () => {
    const el = await mount('qaf-reset-link', {});
    expect(el.shadowRoot!.querySelector('input')).toBeNull();
    expect(text(el).trim()).toBe('');
  });

  it('shows the link once, until when it works and how to hand it over, and takes the focus to each new link', async () => {
    const el = await mount('qaf-reset-link', { reply: reply('first-code') });
    const link = () => el.shadowRoot!.getElementById('reset-link') as HTMLInputElement;
    expect(link().value).toBe(`${location.origin}${location.pathname}#/reset-password/first-code`);
    expect(el.shadowRoot!.querySelector('label[for="reset-link"]')!.textContent).toBe('Reset link');
    expect(text(el)).toContain('Password reset link for ann@testshire.gov.uk');
    expect(text(el)).toContain('8 December 2026, 09:30 UTC');
    expect(text(el)).toContain('There is no email from OpenQAF: give it to ann@testshire.gov.uk yourself');
    expect(el.shadowRoot!.activeElement).toBe(link());
    link().blur();
    el.reply = reply('second-code');
    await el.updateComplete;
    expect(link().value).toMatch(/#\/reset-password\/second-code$/);
    expect(el.shadowRoot!.activeElement).toBe(link());
  });
});
