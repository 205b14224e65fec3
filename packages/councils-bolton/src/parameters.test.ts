import { describe, expect, it } from 'vitest';
import { compilePack, evaluate, explainDetermination, listParameters, type Pack } from '@openqaf/engine';
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
    expect(row(pack, { serviceType: 'Residential Services', beds: 6 })).toBe('Smaller Residential Services');
    expect(row(pack, { serviceType: 'Residential Services', beds: 7 })).toBe('Larger Residential Services');
    expect(row(pack, { serviceType: 'Domiciliary Services', serviceUsers: 49 })).toBe('Smaller Domiciliary Services');
    expect(row(pack, { serviceType: 'Domiciliary Services', serviceUsers: 50 })).toBe('Larger Domiciliary Services');
  });

  it('move the boundary when a quality lead changes them', () => {
    expect(row(withParameter('residentialMoreThanBeds', 7), { serviceType: 'Residential Services', beds: 7 })).toBe('Smaller Residential Services');
    expect(row(withParameter('domiciliaryServiceUsersOrMore', 40), { serviceType: 'Domiciliary Services', serviceUsers: 45 })).toBe('Larger Domiciliary Services');
  });

  it('name the rows by the thresholds\' values, never a fixed number (the words follow a change to 8 beds)', () => {
    const words = (p: Pack): string[] => explainDetermination(p, evaluate(compilePack(p), { date: '2025-06-02', judgements: {}, facts: { providerType: 'Adult social care - CQC regulated', qaActivity: 'QM-1', serviceType: 'Residential Services', beds: 7 } }, { explain: true }))
      .filter((t) => t.decision === 'visitFrequencyServiceType').map((t) => t.label ?? '');
    // 003 A1: "Residential Services with more than 6 beds".
    expect(words(pack)).toContain('If Provider type is Adult social care - CQC regulated and Service type is Residential Services and Beds is more than 6, then Larger Residential Services');
    const changed = words(withParameter('residentialMoreThanBeds', 8));
    expect(changed).toContain('If Provider type is Adult social care - CQC regulated and Service type is Residential Services and Beds is more than 8, then Larger Residential Services');
    expect(changed).toContain('If Provider type is Adult social care - CQC regulated and Service type is Residential Services and Beds is at most 8, then Smaller Residential Services');
    expect(changed.join('\n')).not.toMatch(/\b6\b/);
    const labels = [...Object.values(pack.parameters!).map((d) => d.label), ...(pack.scales.visitFrequencyServiceType as { values: string[] }).values];
    expect(labels.join('\n')).not.toMatch(/\b(6 beds|50 (or more )?service users)\b/);
  });
});
