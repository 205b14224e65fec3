import type { PackCase } from '@openqaf/engine';
import type { CouncilPlugin } from '../engine/index.js';
import { makeTestApp, testPlugins } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { COUNCIL_PLUGIN_PACKAGES, loadCouncilPlugins } from '../seed/council-plugins.js';
import { seedCouncils } from '../seed/index.js';
import type { TestStoreKind } from '../store/test-stores.test-helpers.js';

/** The shipped Birmingham plugin, as the server loads it. */
export async function birminghamPlugin(): Promise<CouncilPlugin> {
  return (await loadCouncilPlugins(COUNCIL_PLUGIN_PACKAGES, () => undefined)).find((p) => p.id === 'birmingham')!;
}

/** A test app on `kind` with the shipped Birmingham pack seeded, and the testshire officer an officer of Birmingham too. */
export async function birminghamTestApp(kind: TestStoreKind): Promise<{ t: TestApp; birmingham: CouncilPlugin }> {
  const birmingham = await birminghamPlugin();
  const t = await makeTestApp(kind, { plugins: [...testPlugins, birmingham] });
  await seedCouncils(t.db, [birmingham], () => undefined);
  await t.db.query("INSERT INTO council_roles (user_id, council_id, role) VALUES ($1, 'birmingham', 'officer')", [t.userIds.testshireOfficer]);
  return { t, birmingham };
}

/** One of the Birmingham pack's shipped cases, by id. */
export function birminghamCase(birmingham: CouncilPlugin, id: string): PackCase {
  return birmingham.pack.cases!.find((c: PackCase) => c.id === id)!;
}
