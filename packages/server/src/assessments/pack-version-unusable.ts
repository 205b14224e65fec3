import type { Extensions, Pack } from '../engine/index.js';
import { HttpError } from '../http-error.js';
import type { PackVersion } from '../packs/versions.js';

/** A plugin fact or operator a stored pack version declares (`extensions.facts` / `.operators`) that the loaded plugin no longer supplies. */
export interface MissingPluginPart {
  kind: 'fact' | 'operator';
  name: string;
  pointer: string;
}

/** The plugin facts and operators `pack` declares that `extensions` (the council plugin loaded now) does not supply. */
export function missingPluginPartsOf(pack: Pack, extensions: Extensions | undefined): MissingPluginPart[] {
  const out: MissingPluginPart[] = [];
  for (const [list, kind, supplied] of [['facts', 'fact', extensions?.facts], ['operators', 'operator', extensions?.operators]] as const) {
    const declared: unknown = (pack.extensions as Record<string, unknown> | undefined)?.[list];
    if (!Array.isArray(declared)) continue;
    declared.forEach((name, i) => {
      if (typeof name === 'string' && !Object.hasOwn(supplied ?? {}, name)) out.push({ kind, name, pointer: `/extensions/${list}/${i}` });
    });
  }
  return out;
}

/**
 * 409 `pack-version-unusable`: a stored pack version (the one in force, or the one an assessment was
 * determined under) declares a plugin fact or operator that the council's plugin, as this server
 * loaded it, no longer supplies, so no assessment can be determined under it. The message is for the
 * officer (nothing was stored; who can fix it); each detail is for the developer: the council, the
 * version and its hash, the missing part, where the version declares it, and the two ways out.
 */
export function packVersionUnusable(council: { id: string; name: string }, version: PackVersion, missing: MissingPluginPart[]): HttpError {
  const names = missing.map((m) => `${m.kind} "${m.name}"`).join(', ');
  return new HttpError(
    409,
    'pack-version-unusable',
    `Nothing was stored: ${council.name}'s pack version ${version.version} cannot be used by this server, because it needs the plugin ${names}, which the council's plugin no longer supplies. Tell your system administrator.`,
    {
      details: missing.map((m) => ({
        pointer: m.pointer,
        [m.kind]: m.name,
        council: council.id,
        packVersion: version.version,
        packHash: version.hash,
        message: `Pack version ${version.version} (${version.hash}) of council "${council.id}" declares plugin ${m.kind} "${m.name}", which the loaded council plugin does not supply: install a plugin release that supplies it, or publish a version that does not use it.`,
      })),
    },
  );
}
