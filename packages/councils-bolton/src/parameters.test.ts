import { describe, expect, it } from 'vitest';
import { compilePack, evaluate, listParameters, type Pack } from '@openqaf/engine';
import { pack } from './index.js';

/** The pack with one parameter set to another value. */
function withParameter(name: string, value: number): Pack {
  const copy = structuredClone(pack);
  copy.parameters![name] = { ...copy.parameters![name]!, value };
  return copy;
}

const row = (p: Pack, facts: Record<string, unknown>) => evaluate(compilePack(p), { date: '2025-06-02', judgements: {}, facts: { providerType: 'Adult social care - CQC regulated', qaActivity: 'QM-1', ...facts } }).decisions.visitFrequencyServiceType;

describe('the service size thresholds of the minimum visit tables (003 A1.visits)', () => {
  it('are declared parameters with the council\'s words, unit and citation', () => {
    const byName = new Map(listParameters(pack).map((p) => [p.name, p]));
    expect(byName.get('residentialMoreThanBeds')).toMatchObject({ type: 'integer', unit: 'beds', values: [{ value: 6 }], source: { doc: '003', section: 'A1.visits' } });
    expect(byName.get('domiciliaryServiceUsersOrMore')).toMatchObject({ type: 'integer', unit: 'service users', values: [{ value: 50 }], source: { doc: '003', section: 'A1.visits' } });
  });

  it('put a service in its row: more than 6 beds, 50 or more service users', () => {
    expect(row(pack, { serviceType: 'Residential Services', beds: 6 })).toBe('Residential Services with 6 beds or less');
    expect(row(pack, { serviceType: 'Residential Services', beds: 7 })).toBe('Residential Services with more than 6 beds');
    expect(row(pack, { serviceType: 'Domiciliary Services', serviceUsers: 49 })).toBe('Domiciliary Services with less than 50 service users');
    expect(row(pack, { serviceType: 'Domiciliary Services', serviceUsers: 50 })).toBe('Domiciliary Services with 50 or more service users');
  });

  it('move the boundary when a quality lead changes them', () => {
    expect(row(withParameter('residentialMoreThanBeds', 7), { serviceType: 'Residential Services', beds: 7 })).toBe('Residential Services with 6 beds or less');
    expect(row(withParameter('domiciliaryServiceUsersOrMore', 40), { serviceType: 'Domiciliary Services', serviceUsers: 45 })).toBe('Domiciliary Services with 50 or more service users');
  });
});
