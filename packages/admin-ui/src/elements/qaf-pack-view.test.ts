import { describe, expect, it } from 'vitest';
import type { Pack } from '@openqaf/engine';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-pack-view.js';

/** The test pack with a scale of visit types that a decision collects (categories, not ranked). */
function withVisitTypes(): Pack {
  const pack = testPack();
  pack.scales.visitType = { label: 'Visit type', values: ['Annual', 'Targeted', 'Responsive'] };
  pack.decisions.visitTypes = { label: 'Visit types', scale: 'visitType', hitPolicy: 'collect', rules: [] } as unknown as Pack['decisions'][string];
  return pack;
}

describe('qaf-pack-view', () => {
  it('shows a ranked scale with "<" and categories as a list, never with "<"', async () => {
    const el = await mount('qaf-pack-view', { pack: withVisitTypes() });
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((r) => r.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows.find((r) => r.startsWith('Visit type'))).toContain('Annual, Targeted, Responsive');
    expect(rows.find((r) => r.startsWith('Visit type'))).not.toContain('<');
    const ranked = Object.values(testPack().scales).find((s) => 'values' in s && s.values.length > 1) as { label: string; values: string[] };
    expect(rows.find((r) => r.startsWith(ranked.label))).toContain(ranked.values.join(' < '));
  });

  it('writes the in-force date one way, and names sources by their titles', async () => {
    const el = await mount('qaf-pack-view', { pack: testPack() });
    expect(text(el)).toContain('in force from 1 January 2024.');
    expect(text(el)).toContain('Testshire Quality Guidance (cited as 000)');
  });
});
