import { escapePointerToken } from '../json-value-check.js';
import type { Extensions, PackError } from './index.js';

/** Error codes of a pack naming a plugin fact or operator its council does not have. */
export const MISSING_PLUGIN_CODES: ReadonlySet<string> = new Set(['plugin.missing-fact', 'plugin.missing-operator']);

type Kind = 'facts' | 'operators';

/** The names a pack declares under `extensions.<kind>`, with the pointer of each; non-strings are the schema's business. */
function declared(pack: unknown, kind: Kind): { name: string; pointer: string }[] {
  const extensions = (pack as { extensions?: unknown } | null)?.extensions;
  const list = extensions && typeof extensions === 'object' ? (extensions as Record<string, unknown>)[kind] : undefined;
  if (!Array.isArray(list)) return [];
  return list.flatMap((name, i) => (typeof name === 'string' ? [{ name, pointer: `/extensions/${kind}/${i}` }] : []));
}

/** Pointers of every object in `pack` whose `key` is one of `names` (iterative; outside `extensions` and `cases`). */
function usesOf(pack: unknown, key: 'fact' | 'operator', names: Set<string>): { name: string; pointer: string }[] {
  const found: { name: string; pointer: string }[] = [];
  const stack: { value: unknown; pointer: string }[] = [{ value: pack, pointer: '' }];
  while (stack.length > 0) {
    const { value, pointer } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    const record = value as Record<string, unknown>;
    const name = record[key];
    if (!Array.isArray(value) && typeof name === 'string' && names.has(name)) found.push({ name, pointer: `${pointer}/${key}` });
    for (const [k, member] of Object.entries(record)) {
      if (pointer === '' && (k === 'extensions' || k === 'cases')) continue;
      stack.push({ value: member, pointer: `${pointer}/${escapePointerToken(k)}` });
    }
  }
  return found.sort((a, b) => (a.pointer < b.pointer ? -1 : 1));
}

/**
 * Errors for each plugin fact or operator a pack declares (`extensions.facts` / `extensions.operators`)
 * that the council's plugin does not provide: at the declaration and at every use, naming it. The
 * engine accepts a declaration as a promise the plugin keeps; without this check such a pack passes
 * validation and then fails to compile, analyse or evaluate.
 */
export function missingPluginParts(pack: unknown, extensions: Extensions | undefined): PackError[] {
  const errors: PackError[] = [];
  for (const [kind, key, word] of [['facts', 'fact', 'fact'], ['operators', 'operator', 'operator']] as const) {
    const provided = new Set(Object.keys(extensions?.[kind] ?? {}));
    const missing = declared(pack, kind).filter((d) => !provided.has(d.name));
    if (missing.length === 0) continue;
    const code = `plugin.missing-${word}`;
    const hint = provided.size > 0 ? `This council's plugin provides: ${[...provided].join(', ')}.` : "This council's plugin provides none.";
    for (const d of missing) {
      errors.push({ code, pointer: d.pointer, message: `Plugin ${word} "${d.name}" is declared, but this council's plugin does not provide it.`, hint });
    }
    for (const use of usesOf(pack, key, new Set(missing.map((d) => d.name)))) {
      errors.push({ code, pointer: use.pointer, message: `Uses plugin ${word} "${use.name}", which this council's plugin does not provide.`, hint });
    }
  }
  return errors;
}
