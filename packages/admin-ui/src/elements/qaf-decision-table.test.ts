import { testPack } from '../pack/test-pack.test-helpers.js';
import { describe, expect, it } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import './qaf-decision-table.js';

describe('qaf-decision-table', () => {
  it('shows a per-domain decision\'s numbers per domain and its rules with citations and interpretations', async () => {
    const el = await mount('qaf-decision-table', { pack: testPack(), decisionId: 'domainRating' });
    const t = text(el);
    expect(t).toContain('Numbers for each domain');
    expect(t).toContain('Silver min fully met');
    expect(t).toMatch(/Safe\s*2/);
    expect(t).toContain('Silver: at least silverMinFullyMet Fully met');
    expect(t).toContain('Otherwise (no rule applies)');
    const cite = el.shadowRoot!.querySelector('qaf-citation')!;
    await cite.updateComplete;
    expect(cite.shadowRoot!.textContent).toContain('000 s3.2');
  });
});
