import type { Pack } from '@openqaf/engine';
import { testshirePack } from './testshire-pack.js';

/**
 * Testshire's pack with `criteria` criteria in its one domain, judgements optional: the shape
 * of the pack that once froze the server (300 criteria, 26 kB) and of the most the limits allow
 * (2,000). Valid, and its analysis space is far too large to enumerate.
 */
export function bigDomainPack(criteria: number, overrides: Parameters<typeof testshirePack>[0] = {}): Pack {
  const pack = testshirePack(overrides);
  const framework = pack.framework!;
  framework.judgements.required = false;
  framework.domains[0]!.standards = [{
    id: 'care-s1',
    title: 'Good care',
    criteria: Array.from({ length: criteria }, (_, i) => ({ id: `c${i + 1}`, title: `Criterion ${i + 1}`, ...(i === 0 ? { flags: ['mandatory'] } : {}) })),
  }];
  return pack;
}
