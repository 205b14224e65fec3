import { caseAssessment } from '@openqaf/engine';
import type { PackCase } from '@openqaf/engine';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile, evaluateCompiled } from '../engine/index.js';
import type { CompiledPack, CouncilPlugin, Determination } from '../engine/index.js';
import { COUNCIL_PLUGIN_PACKAGES, loadCouncilPlugins } from '../seed/council-plugins.js';
import { seededCouncils } from '../seed/seeded-councils.test-helpers.js';
import type { SeededCouncils } from '../seed/seeded-councils.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import type { TestStore } from '../store/test-stores.test-helpers.js';
import { prepareAssessment, storeAssessments } from './store-assessment.js';
import { determinationResultSql, determinationTexts } from './stored-result.js';
import type { StoredDetermination } from './stored-result.js';

const COUNCILS = ['birmingham', 'bolton', 'herefordshire'];
/** Cases per council stored through the API on each store (the serialisation test below takes every case). */
const STORED_CASES = 6;

let plugins: CouncilPlugin[];
beforeAll(async () => {
  plugins = await loadCouncilPlugins(COUNCIL_PLUGIN_PACKAGES, () => undefined);
});

/** The cases of a council that give a determination, with the assessment each gives. */
function casesOf(id: string): { c: PackCase; assessment: ReturnType<typeof caseAssessment> }[] {
  const plugin = plugins.find((p) => p.id === id)!;
  const from = plugin.pack.metadata.effectiveFrom;
  return (plugin.pack.cases ?? [])
    .filter((c: PackCase) => !c.wantError && (!c.asOf || c.asOf === c.input.date) && c.input.date >= from && !c.input.decisions)
    .map((c: PackCase) => ({ c, assessment: caseAssessment(plugin.pack, c) }));
}

const withoutExplanation = ({ explanation: _e, trace: _t, ...d }: Determination): StoredDetermination => d;

describe('a determination serialised for storing by reference', () => {
  it.each(COUNCILS)('%s: its text is JSON.stringify of the determination, for every case', (id) => {
    const plugin = plugins.find((p) => p.id === id)!;
    const compiled = compile(plugin.pack, plugin.extensions);
    let byReference = 0;
    for (const { c, assessment } of casesOf(id)) {
      let d: StoredDetermination;
      try {
        d = withoutExplanation(evaluateCompiled(compiled, assessment, { asOf: assessment.date }));
      } catch {
        continue; // A case the engine refuses is not stored.
      }
      // Twice: the second takes the list's text from the cache.
      for (const texts of [determinationTexts(d, compiled.pack.interpretations), determinationTexts(d, compiled.pack.interpretations)]) {
        expect(texts.json, c.id).toBe(JSON.stringify(d));
        expect(texts.bytes.toString('hex'), c.id).toBe(Buffer.from(JSON.stringify(d), 'utf8').toString('hex'));
        if (d.interpretations.length === 0) {
          expect(texts.interpretationIdsJson, c.id).toBeUndefined();
          continue;
        }
        byReference++;
        const { interpretations, ...rest } = d;
        expect(texts.resultJson, c.id).toBe(JSON.stringify(rest));
        expect(texts.interpretationIdsJson, c.id).toBe(JSON.stringify(interpretations.map((i) => i.id)));
      }
    }
    expect(byReference).toBeGreaterThan(0);
  });

  const determination = (over: Partial<StoredDetermination> = {}): StoredDetermination => ({
    pack: { id: 'p', version: '1.0.0', hash: 'sha256:x' },
    asOf: '2025-03-01',
    assessmentDate: '2025-03-01',
    headline: { decision: 'overall', value: 'Silver', scale: 'band' },
    decisions: { overall: 'Silver' },
    actions: [],
    schedule: [],
    scores: {},
    interpretations: [{ id: 'a', title: 'A "quoted" title', note: 'Line one\nline two' }],
    ...over,
  });
  const notes = { a: { title: 'A "quoted" title', note: 'Line one\nline two' }, b: { title: 'B', note: 'b' } } as never;

  it('keeps the members after the interpretations in their place', () => {
    const d = { ...determination(), warnings: [{ id: 'w', message: 'warned' }], decidedBy: { overall: { by: 'x' } } } as unknown as StoredDetermination;
    const texts = determinationTexts(d, notes);
    expect(texts.json).toBe(JSON.stringify(d));
    expect(texts.bytes.toString('utf8')).toBe(JSON.stringify(d));
    expect(texts.resultJson).toBe(JSON.stringify({ ...d, interpretations: undefined }));
    expect(texts.interpretationIdsJson).toBe('["a"]');
  });

  it('writes the bytes of the whole determination, non-ASCII text before, in and after the notes included', () => {
    const wide = { a: { title: 'Évaluation – “A”', note: 'ü ≥ 2 ✓' } } as never;
    const d = {
      ...determination({ headline: { decision: 'overall', value: 'Argent – é', scale: 'band' }, interpretations: [{ id: 'a', title: 'Évaluation – “A”', note: 'ü ≥ 2 ✓' }] }),
      warnings: [{ id: 'w', message: 'averti – ✓' }],
    } as unknown as StoredDetermination;
    for (const texts of [determinationTexts(d, wide), determinationTexts(d, wide)]) {
      expect(texts.interpretationIdsJson).toBe('["a"]');
      expect(texts.bytes.toString('hex')).toBe(Buffer.from(JSON.stringify(d), 'utf8').toString('hex'));
    }
  });

  it('gives each list of ids its own text, hostile ids included (cached per list, never shared by two lists)', () => {
    // Ids that JSON escapes (a lone surrogate, U+2028, a quote, NUL), that split alike when joined, and `</script>`.
    const ids = ['a', 'b', 'a\u0000b', '\ud800', '\u2028', '</script>', 'say "x"', '1:a', '1'];
    const hostile = Object.fromEntries(ids.map((id) => [id, { title: `T ${id}`, note: `N ${id}` }])) as never;
    const entry = (id: string) => ({ id, title: `T ${id}`, note: `N ${id}` });
    const lists = [['a', 'b'], ['a\u0000b'], ['b', 'a'], ['\ud800', '\u2028', '</script>', 'say "x"'], ['1:a'], ['1', 'a']];
    for (let round = 0; round < 2; round++) {
      for (const list of lists) {
        const d = determination({ interpretations: list.map(entry) });
        const texts = determinationTexts(d, hostile);
        expect(texts.json, list.join('|')).toBe(JSON.stringify(d));
        expect(texts.bytes.toString('hex'), list.join('|')).toBe(Buffer.from(JSON.stringify(d), 'utf8').toString('hex'));
        expect(texts.interpretationIdsJson, list.join('|')).toBe(JSON.stringify(list));
      }
    }
  });

  it('stores the notes whole when one is not the version\'s note of its id', () => {
    for (const list of [
      [{ id: 'a', title: 'A "quoted" title', note: 'another note' }],
      [{ id: 'c', title: 'C', note: 'c' }],
      [{ id: 'b', title: 'B', note: 'b', source: 'extra' }],
      [{ id: 'toString', title: 'T', note: 't' }],
    ]) {
      const d = determination({ interpretations: list as StoredDetermination['interpretations'] });
      const texts = determinationTexts(d, notes);
      expect(texts).toEqual({ json: JSON.stringify(d), bytes: Buffer.from(JSON.stringify(d), 'utf8'), resultJson: JSON.stringify(d) });
    }
  });

  it('stores the determination whole without the version\'s notes', () => {
    const d = determination();
    expect(determinationTexts(d)).toEqual({ json: JSON.stringify(d), bytes: Buffer.from(JSON.stringify(d), 'utf8'), resultJson: JSON.stringify(d) });
  });
});

describe.each(testStoreKinds)('determinations stored by reference, on $name', (kind) => {
  let store: TestStore;
  let call: SeededCouncils['call'];
  beforeAll(async () => { ({ store, call } = await seededCouncils(kind, plugins)); });
  afterAll(async () => store?.dispose());

  it('has each version\'s notes, written with the version', async () => {
    const rows = await store.db.query<{ pack_version_id: string; id: string; entry: unknown }>(
      "SELECT n.pack_version_id, n.id, n.entry FROM pack_version_interpretations n JOIN pack_versions v ON v.id = n.pack_version_id WHERE v.council_id = 'birmingham'",
    );
    const declared = plugins.find((p) => p.id === 'birmingham')!.pack.interpretations ?? {};
    expect(rows.map((r) => r.entry).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      Object.entries(declared).map(([id, i]) => ({ id, title: i.title, note: i.note })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
  });

  it.each(COUNCILS)('%s: the reply is the engine\'s determination, and reads back as the same determination stored whole', async (id) => {
    const provider = await call('POST', `/api/councils/${id}/providers`, { name: `${id} provider` });
    expect(provider.status).toBe(201);
    const providerId = provider.body.id as string;
    const [version] = await store.db.query<{ id: string; hash: string; version: string; content: CompiledPack['pack'] }>(
      'SELECT id, hash, version, content FROM pack_versions WHERE council_id = $1 ORDER BY seq DESC LIMIT 1',
      [id],
    );
    const compiled = compile(version!.content, plugins.find((p) => p.id === id)!.extensions, version!.hash);
    const cases = casesOf(id)
      .filter(({ assessment }) => assessment.date >= compiled.pack.metadata.effectiveFrom)
      .map((x) => ({ ...x, d: evaluateCompiled(compiled, x.assessment, { asOf: x.assessment.date, explain: true }) }))
      .filter(({ d }) => d.interpretations.length > 0)
      .slice(0, STORED_CASES);
    expect(cases.length).toBeGreaterThan(0);
    for (const { c, assessment, d } of cases) {
      const posted = await call('POST', `/api/councils/${id}/assessments`, { providerId, ...assessment });
      expect(posted.status, c.id).toBe(201);
      const { id: assessmentId } = posted.body;
      // The reply's text, byte for byte: the engine's determination serialised as JSON.stringify does.
      expect(posted.text, c.id).toBe(
        JSON.stringify({ id: assessmentId, providerId, date: assessment.date, packVersion: version!.version, packHash: version!.hash, determination: d }),
      );
      // Stored by reference: the row has the ids, not the notes.
      const [row] = await store.db.query<{ ids: string[]; has_notes: boolean }>(
        "SELECT d.interpretation_ids AS ids, d.result ? 'interpretations' AS has_notes FROM determinations d WHERE d.assessment_id = $1",
        [assessmentId],
      );
      expect(row, c.id).toEqual({ ids: d.interpretations.map((i) => i.id), has_notes: false });

      // The same determination stored whole, as every row was before stored-by-reference.
      const whole = prepareAssessment({ councilId: id, providerId, userId: 'u', input: assessment, packVersionId: version!.id, determination: withoutExplanation(d) });
      expect((await storeAssessments(store.db, [whole])).has(whole.stored.assessmentId)).toBe(true);
      const [wholeRow] = await store.db.query<{ ids: unknown; result: string }>(
        'SELECT interpretation_ids AS ids, result::text AS result FROM determinations WHERE assessment_id = $1',
        [whole.stored.assessmentId],
      );
      expect(wholeRow!.ids).toBeNull();

      // Both read back as the same jsonb text, which is the determination.
      const [read] = await store.db.query<{ result: string }>(
        `SELECT ${determinationResultSql('d')}::text AS result FROM determinations d WHERE d.assessment_id = $1`,
        [assessmentId],
      );
      expect(read!.result, c.id).toBe(wholeRow!.result);
      expect(JSON.parse(read!.result), c.id).toEqual(withoutExplanation(d));

      // And through the API.
      const [byReference, stored] = await Promise.all([
        call('GET', `/api/councils/${id}/assessments/${assessmentId}`),
        call('GET', `/api/councils/${id}/assessments/${whole.stored.assessmentId}`),
      ]);
      expect(byReference.status).toBe(200);
      expect(JSON.stringify(byReference.body.determination), c.id).toBe(JSON.stringify(stored.body.determination));
      const reproduced = await call('POST', `/api/councils/${id}/assessments/${assessmentId}/reevaluate`);
      expect(reproduced.body.identical, c.id).toBe(true);
    }
  });
});
