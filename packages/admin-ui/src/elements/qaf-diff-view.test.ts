import type { PackChange } from '../api/api-types.js';
import { describe, expect, it } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import './qaf-diff-view.js';

describe('qaf-diff-view', () => {
  it('lists each change with where it is and its before and after', async () => {
    const changes: PackChange[] = [{ pointer: '/framework/domains/0/parameters/silverMinFullyMet', kind: 'changed', before: 12, after: 11, summary: 'Safe: silverMinFullyMet 12 → 11' }];
    const el = await mount('qaf-diff-view', { changes });
    const t = text(el);
    expect(t).toContain('1 change.');
    expect(t).toContain('Safe: silverMinFullyMet 12 → 11');
    expect(t).toContain('framework › domains › 1 › parameters › silverMinFullyMet');
  });

  it('says so when there is no difference', async () => {
    const el = await mount('qaf-diff-view', { changes: [] });
    expect(text(el)).toContain('No differences');
  });
});
