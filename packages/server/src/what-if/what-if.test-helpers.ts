import type { Pack } from '../engine/index.js';
import { packHash } from '../engine/index.js';
import { judgements, testshirePack } from '../test-fixtures/testshire-pack.js';
import type { HashedPack, LatestRow } from './compare.js';

/**
 * The test pack with a second decision beside the headline, "Care band": Silver with at least
 * `careSilverMin` criteria Fully met, else Bronze. A draft that raises it changes that band for
 * a provider whose overall rating stays the same.
 */
export function packWithCareBand(careSilverMin: number, options: { version?: string; silverMin?: number } = {}): HashedPack {
  const pack = testshirePack(options) as Pack & { decisions: Record<string, unknown> };
  pack.decisions.careRating = {
    label: 'Care band',
    scale: 'band',
    hitPolicy: 'first',
    source: { doc: 'qaf', section: '2' },
    rules: [
      {
        id: 'care-silver', label: 'Silver', priority: 10, output: 'Silver', source: { doc: 'qaf', section: '2' },
        when: { fact: 'criteriaCount', params: { atLeast: 'Fully met' }, operator: 'greaterThanInclusive', value: careSilverMin },
      },
    ],
    fallback: { output: 'Bronze', source: { doc: 'qaf', section: '2' } },
  };
  return { pack, hash: packHash(pack) };
}

/** A provider's latest assessment as the store's query gives it: the input as JSON text. */
export function row(i: number, fullyMet: number, facts: Record<string, unknown> = { concerns: false }): LatestRow {
  const input = { date: '2025-02-01', judgements: judgements(fullyMet), facts, note: 'stored with a note' };
  return { provider_id: `p${i}`, name: `Provider ${String(i).padStart(3, '0')}`, id: `a${i}`, assessment_date: '2025-02-01', input: JSON.stringify(input) };
}
