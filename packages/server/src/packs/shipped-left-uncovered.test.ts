import birmingham from '@openqaf/councils-birmingham';
import bolton from '@openqaf/councils-bolton';
import herefordshire from '@openqaf/councils-herefordshire';
import { describe, expect, it } from 'vitest';
import { testPlugins } from '../app.test-helpers.js';
import { shippedLeftUncovered } from './shipped-left-uncovered.js';

describe("the reasons a council's package records for sides left untested", () => {
  it("reads Birmingham's from its package, with the pack they were written about", async () => {
    const shipped = await shippedLeftUncovered(birmingham);
    expect(shipped?.file).toBe('@openqaf/councils-birmingham/pack/left-uncovered-boundaries.json');
    expect(shipped?.entries.length).toBeGreaterThan(0);
    expect(shipped?.entries.every((e) => e.pointer.startsWith('/') && e.reason.trim())).toBe(true);
    expect(shipped?.pack).toBe(birmingham.pack);
  });

  it("reads Bolton's, the one side its pack leaves untested", async () => {
    const shipped = await shippedLeftUncovered(bolton);
    expect(shipped?.file).toBe('@openqaf/councils-bolton/pack/left-uncovered-boundaries.json');
    expect(shipped?.entries.map((e) => e.side)).toHaveLength(1);
  });

  it('finds none for a package without the file, or a council with no package', async () => {
    expect(await shippedLeftUncovered(herefordshire)).toBeUndefined();
    expect(await shippedLeftUncovered(testPlugins[0])).toBeUndefined();
    expect(await shippedLeftUncovered(undefined)).toBeUndefined();
  });
});
