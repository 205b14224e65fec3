import { compilePack, evaluate } from '@openqaf/engine';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { describe, expect, it } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import './qaf-determination-view.js';

describe('qaf-determination-view', () => {
  it('answers why: the headline, each domain\'s band and what kept it from the next, actions and interpretations', async () => {
    const pack = testPack();
    const determination = evaluate(compilePack(pack), { date: '2025-03-01', judgements: { 's-01': 'Fully met', 's-02': 'Partly met', 's-03': 'Partly met' }, facts: {} }, { explain: true });
    const el = await mount('qaf-determination-view', { pack, determination });
    const t = text(el);
    expect(t).toContain('Overall rating: Bronze');
    expect(t).toMatch(/Safe\s*Bronze\s*Not Silver:/);
    expect(t).toContain('Submit an Improvement Action Plan');
    expect(t).toContain('2025-03-08');
    expect(t).toContain('Bronze needs every mandatory criterion at least Partly met');
    expect(t).toContain('Annual quality monitoring visit');
  });
});
