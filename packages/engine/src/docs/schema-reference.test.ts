import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { schemaReference } from './schema-reference.js';

describe('the pack schema reference in docs/', () => {
  it('is up to date with the schema (regenerate with pnpm --filter @openqaf/engine docs)', () => {
    const committed = readFileSync(new URL('../../../../docs/pack-schema-reference.md', import.meta.url), 'utf8');
    expect(committed).toBe(schemaReference());
  });
});
