import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import type { Pack } from '../types.js';
import { extensionsFor, packSnapshot, schemaHash, type PackSnapshot } from './behaviour-snapshot.test-helpers.js';

/**
 * The engine's behaviour before the language registry, pinned: the three council packs as they
 * were, and for each pack (and the example pack) the determination and trace of every case and of
 * 300 random assessments, `validatePack`'s result and the schema's verdict on the pack and 150
 * mutations of it, and the readable diff to 40 of them. Written once with the pre-registry engine
 * (`QAF_WRITE_BEHAVIOUR_SNAPSHOT=1 npx vitest run src/language/behaviour-snapshot.test.ts`).
 */
const FIXTURE = new URL('../fixtures/behaviour-snapshot.json.gz', import.meta.url);

interface Fixture {
  schema: string;
  packs: Record<string, Pack>;
  snapshots: Record<string, PackSnapshot>;
}

function writeFixture(): void {
  // Rewritten on purpose (a new form changes the schema): the packs stay as they were pinned.
  const packs: Record<string, Pack> = existsSync(FIXTURE)
    ? (JSON.parse(gunzipSync(readFileSync(FIXTURE)).toString('utf8')) as Fixture).packs
    : { example: examplePack() };
  for (const slug of ['birmingham', 'bolton', 'herefordshire']) {
    packs[slug] ??= JSON.parse(readFileSync(new URL(`../../../councils-${slug}/pack.json`, import.meta.url), 'utf8')) as Pack;
  }
  const snapshots = Object.fromEntries(Object.entries(packs).map(([k, p]) => [k, packSnapshot(p, extensionsFor(p.metadata.id))]));
  const fixture: Fixture = { schema: schemaHash(), packs, snapshots };
  writeFileSync(FIXTURE, gzipSync(JSON.stringify(fixture), { level: 9 }));
}

if (process.env.QAF_WRITE_BEHAVIOUR_SNAPSHOT === '1') writeFixture();
const fixture = JSON.parse(gunzipSync(readFileSync(FIXTURE)).toString('utf8')) as Fixture;

describe('the language registry keeps the engine behaviour byte for byte', () => {
  it('publishes the same JSON Schema', () => {
    expect(schemaHash()).toBe(fixture.schema);
  });

  for (const [name, pack] of Object.entries(fixture.packs)) {
    it(`gives the ${name} pack's determinations, traces, validation results and diffs as before`, () => {
      const now = packSnapshot(pack, extensionsFor(pack.metadata.id));
      const before = fixture.snapshots[name]!;
      expect(now.assessments).toEqual(before.assessments);
      expect(now.cases).toEqual(before.cases);
      expect(now.random).toEqual(before.random);
      expect(now.validation).toEqual(before.validation);
      expect(now.schemaAccepts).toEqual(before.schemaAccepts);
      expect(now.diffs).toEqual(before.diffs);
    }, 120_000);
  }
});
