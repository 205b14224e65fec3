import { recordAudit } from '../audit/record.js';
import { packHash, validatePack } from '../engine/index.js';
import type { CouncilPlugin } from '../engine/index.js';
import { insertVersion } from '../packs/versions.js';
import type { Db } from '../store/index.js';

/** What seeding did for one council plugin. */
export interface SeedOutcome {
  council: string;
  outcome: 'seeded' | 'already-present' | 'refused';
  version?: string;
  errors?: string[];
}

/**
 * Imports each plugin's pack as its council's first published version (and its draft).
 * Idempotent: a council already in the store is left exactly as it is, so a restart neither
 * duplicates nor overwrites. An invalid pack is refused with a logged error naming it, and
 * the other councils are still seeded.
 */
export async function seedCouncils(
  db: Db,
  plugins: Iterable<CouncilPlugin>,
  log: (message: string) => void = console.log,
): Promise<SeedOutcome[]> {
  const outcomes: SeedOutcome[] = [];
  for (const plugin of plugins) {
    const [existing] = await db.query('SELECT id FROM councils WHERE id = $1', [plugin.id]);
    if (existing) {
      outcomes.push({ council: plugin.id, outcome: 'already-present' });
      continue;
    }
    const validation = validatePack(plugin.pack, plugin.extensions);
    if (!validation.valid || !validation.pack) {
      const errors = validation.errors.map((e) => `${e.pointer || '/'}: ${e.message}`);
      log(
        `[seed] ERROR: refused the pack of council "${plugin.id}" (${plugin.name}): ${errors.length} problem(s)\n` +
          errors.slice(0, 10).map((e) => `    ${e}`).join('\n'),
      );
      outcomes.push({ council: plugin.id, outcome: 'refused', errors });
      continue;
    }
    const pack = validation.pack;
    if (pack.metadata.id !== plugin.id) {
      const message = `metadata.id is "${pack.metadata.id}", not the plugin id "${plugin.id}"`;
      log(`[seed] ERROR: refused the pack of council "${plugin.id}": ${message}`);
      outcomes.push({ council: plugin.id, outcome: 'refused', errors: [message] });
      continue;
    }
    const hash = packHash(pack);
    const seeded = await db.transaction(async (tx) => {
      // A second server seeding at the same moment loses this insert and leaves the council alone.
      const inserted = await tx.query('INSERT INTO councils (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING RETURNING id', [
        plugin.id,
        pack.metadata.council || plugin.name,
      ]);
      if (inserted.length === 0) return false;
      const version = await insertVersion(tx, {
        councilId: plugin.id,
        content: pack,
        hash,
        author: null,
        note: `Seeded from the @openqaf/councils-${plugin.id} plugin`,
        basedOn: null,
      });
      await tx.query('INSERT INTO drafts (council_id, content, base_version_id) VALUES ($1, $2, $3)', [
        plugin.id,
        JSON.stringify(pack),
        version.id,
      ]);
      await recordAudit(tx, {
        actor: 'system',
        councilId: plugin.id,
        action: 'seed',
        entity: 'pack-version',
        entityId: version.version,
        afterHash: hash,
      });
      return true;
    });
    outcomes.push(
      seeded
        ? { council: plugin.id, outcome: 'seeded', version: pack.metadata.version }
        : { council: plugin.id, outcome: 'already-present' },
    );
    if (seeded) log(`[seed] council "${plugin.id}": pack ${pack.metadata.version} published (${hash})`);
  }
  return outcomes;
}
