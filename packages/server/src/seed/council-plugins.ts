import { readFileSync } from 'node:fs';
import type { CouncilPlugin } from '../engine/index.js';

/**
 * The council plugin packages the server ships with: every `@openqaf/councils-*` dependency
 * of this package. `qaf new-council` registers a new council by adding it there.
 */
export function councilPluginPackages(packageJson: URL = new URL('../../package.json', import.meta.url)): string[] {
  const pkg = JSON.parse(readFileSync(packageJson, 'utf8')) as { dependencies?: Record<string, string> };
  return Object.keys(pkg.dependencies ?? {}).filter((name) => name.startsWith('@openqaf/councils-')).sort();
}

/** The council plugin packages found at start. */
export const COUNCIL_PLUGIN_PACKAGES: readonly string[] = councilPluginPackages();

/**
 * Loads the council plugins. A plugin that fails to load (not built, broken) is logged by
 * name and skipped, so one council's problem never stops the others.
 */
export async function loadCouncilPlugins(
  packages: readonly string[] = COUNCIL_PLUGIN_PACKAGES,
  log: (message: string) => void = console.log,
): Promise<CouncilPlugin[]> {
  const plugins: CouncilPlugin[] = [];
  for (const name of packages) {
    try {
      const mod = (await import(name)) as { default?: CouncilPlugin };
      const plugin = mod.default;
      if (!plugin || typeof plugin.id !== 'string' || typeof plugin.pack !== 'object') {
        log(`[seed] ERROR: ${name} has no default export of a council plugin { id, name, pack }`);
        continue;
      }
      plugins.push(plugin);
    } catch (error) {
      log(`[seed] ERROR: could not load ${name}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return plugins;
}
