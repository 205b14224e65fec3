import type { Pack } from '@openqaf/engine';
import { testPack } from './test-pack.test-helpers.js';

/**
 * Testshire with its numbers declared (`parameters`): the Silver threshold per domain, the
 * Improvement Action Plan's due time and the visit interval, with bounds, units and citations.
 */
export function declaredTestPack(): Pack {
  const pack = testPack();
  pack.parameters = {
    silverMinFullyMet: { label: 'Silver: Fully met criteria at least', type: 'integer', unit: 'criteria', min: 0, max: 3, source: { doc: '000', section: '3.2' } },
    iapDue: { label: 'Improvement Action Plan due within', type: 'integer', unit: 'working days', min: 0, max: 250, value: 10, source: { doc: '000', section: '4.1' } },
    visitEveryMonths: { label: 'Quality monitoring visit every', type: 'integer', unit: 'months', min: 1, max: 36, value: 12, source: { doc: '000', section: '3.1' } },
  };
  pack.outcomes.actions![0]!.due = { workingDays: { param: 'iapDue' } };
  pack.outcomes.schedule![0]!.every = { months: { param: 'visitEveryMonths' } };
  return pack;
}
