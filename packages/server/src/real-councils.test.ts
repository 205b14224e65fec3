import { caseAssessment } from '@openqaf/engine';
import type { PackCase } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededCouncils } from './seed/seeded-councils.test-helpers.js';
import type { SeededCouncils } from './seed/seeded-councils.test-helpers.js';

/**
 * The real council packs, end to end through the API: every case of each pack is submitted as an
 * assessment and the stored determination must show what the case (written from the council's
 * document) expects.
 */
describe('the three council packs through the API', () => {
  let seeded: SeededCouncils;
  beforeAll(async () => { seeded = await seededCouncils(); });
  afterAll(async () => seeded?.store.dispose());
  const post = (path: string, body: unknown) => seeded.call('POST', path, body);

  it.each(['birmingham', 'bolton', 'herefordshire'])('%s: every case gives the expected determination when stored', async (id) => {
    const plugin = seeded.plugins.find((p) => p.id === id);
    expect(plugin, `@openqaf/councils-${id} loads`).toBeDefined();
    const provider = await post(`/api/councils/${id}/providers`, { name: `${id} test provider` });
    expect(provider.status).toBe(201);
    const effectiveFrom = plugin!.pack.metadata.effectiveFrom;
    const cases = (plugin!.pack.cases ?? []).filter(
      (c: PackCase) => (!c.asOf || c.asOf === c.input.date) && c.input.date >= effectiveFrom,
    );
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const assessment = caseAssessment(plugin!.pack, c);
      const res = await post(`/api/councils/${id}/assessments?explain=false`, { providerId: provider.body.id, ...assessment });
      if (c.wantError) {
        expect(res.status, c.id).toBe(422);
        continue;
      }
      expect(res.status, `${c.id}: ${JSON.stringify(res.body.error)}`).toBe(201);
      const d = res.body.determination;
      if (c.want?.headline !== undefined) expect(d.headline.value, c.id).toEqual(c.want.headline);
      for (const [decision, value] of Object.entries(c.want?.decisions ?? {})) expect(d.decisions[decision], `${c.id} ${decision}`).toEqual(value);
      for (const a of c.want?.actions ?? []) {
        const wanted = typeof a === 'string' ? { id: a } : a;
        expect(d.actions, `${c.id} action ${wanted.id}`).toContainEqual(expect.objectContaining(wanted));
      }
    }
  });
});
