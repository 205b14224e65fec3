import { beforeAll, describe, expect, it } from 'vitest';
import type { CouncilPlugin } from '../engine/index.js';
import { COUNCIL_PLUGIN_PACKAGES, loadCouncilPlugins } from '../seed/council-plugins.js';
import { checkProviderBody, providerFields } from './provider-fields.js';

describe("the provider record's fields, from each council pack's inputs", () => {
  let packs: Record<string, CouncilPlugin['pack']>;
  beforeAll(async () => {
    const plugins = await loadCouncilPlugins(COUNCIL_PLUGIN_PACKAGES, () => undefined);
    packs = Object.fromEntries(plugins.map((p) => [p.id, p.pack]));
  });

  it("gives Bolton's size details with the pack's titles and bounds, and its service types as choices", () => {
    const fields = providerFields(packs.bolton!.inputs, packs.bolton!.scales);
    expect(fields.map((f) => f.field)).toEqual([
      'name', 'cqcLocationId', 'serviceType', 'size.beds', 'size.serviceUsers', 'size.addressesInBolton', 'size.additionalVisitsPerYear', 'facts.cqcRating',
    ]);
    // Bolton's CQC rating input (003 A1 footnote) on the CQC's four ratings.
    expect(fields.find((f) => f.field === 'facts.cqcRating')).toMatchObject({ title: 'CQC rating', kind: 'choice', choices: ['Inadequate', 'Requires Improvement', 'Good', 'Outstanding'] });
    expect(fields.find((f) => f.field === 'size.beds')).toMatchObject({ title: 'Beds', kind: 'integer', minimum: 1 });
    expect(fields.find((f) => f.field === 'size.addressesInBolton')).toMatchObject({ title: 'Supported living addresses in Bolton', kind: 'integer', minimum: 1 });
    expect(fields.find((f) => f.field === 'serviceType')).toMatchObject({ title: 'Service type', kind: 'choice' });
    expect(fields.find((f) => f.field === 'serviceType')!.choices).toContain('Supported living');
  });

  it("gives Birmingham's weekly hours (a number of at least 0) and leaves out its feedback adjustment, which can be negative", () => {
    const fields = providerFields(packs.birmingham!.inputs);
    expect(fields.filter((f) => f.field.startsWith('size.')).map((f) => [f.field, f.kind, f.minimum])).toEqual([['size.weeklyHours', 'number', 0]]);
    expect(fields.find((f) => f.field === 'size.weeklyHours')!.title).toBe('Weekly Home Support hours directly funded by the Council.');
    expect(fields.find((f) => f.field === 'serviceType')!.choices).toEqual(['Home Support', 'Supported Living', 'Residential care', 'Nursing care']);
    // Birmingham's serviceType input has a description but no title: the field reads "Service type", the description its hint.
    expect(fields.find((f) => f.field === 'serviceType')).toMatchObject({ title: 'Service type', hint: expect.stringMatching(/^The service assessed/) });
  });

  it('gives Herefordshire, whose pack reads no size and no CQC rating on the CQC scale, the fixed fields and a free service type', () => {
    expect(providerFields(packs.herefordshire!.inputs, packs.herefordshire!.scales).map((f) => [f.field, f.kind])).toEqual([['name', 'text'], ['cqcLocationId', 'text'], ['serviceType', 'text']]);
  });

  it("refuses what the pack would not accept, naming each field by pointer and the pack's title", () => {
    const fields = providerFields(packs.bolton!.inputs);
    let error: unknown;
    try {
      checkProviderBody({ name: 'Oak House', serviceType: 'Castle', size: { beds: 0, serviceUsers: 2.5, pets: -1 } }, fields);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 422 });
    expect((error as { details: unknown }).details).toEqual([
      { pointer: '/serviceType', message: expect.stringContaining('Service type: must be one of "Residential Services"') },
      { pointer: '/size/beds', message: 'Beds: must be at least 1' },
      { pointer: '/size/serviceUsers', message: 'Service users: must be a whole number' },
    ]);
    expect(() => checkProviderBody({ name: 'Oak House', serviceType: 'Nursing homes', size: { beds: 40, serviceUsers: 35 } }, fields)).not.toThrow();
  });
});
