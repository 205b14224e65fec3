import type { Pack } from '../types.js';

/** The heading of the section of a council's page that records the audit of its pack against its documents. */
export const DOCUMENT_COVERAGE_HEADING = '## Document coverage';

/**
 * Every id a pack declares, and the ids of its cases: decisions, their rules, parameters, mappings,
 * interpretations, actions, schedule entries, warnings and inputs.
 */
export function packIds(pack: Pack): Set<string> {
  const inputs = (pack.inputs as { properties?: Record<string, unknown> } | undefined)?.properties ?? {};
  return new Set<string>([
    ...Object.keys(pack.decisions),
    ...Object.values(pack.decisions).flatMap((d) => (d.rules ?? []).map((r) => r.id)),
    ...Object.keys(pack.parameters ?? {}),
    ...Object.keys(pack.mappings ?? {}),
    ...Object.keys(pack.interpretations ?? {}),
    ...(pack.outcomes.actions ?? []).map((a) => a.id),
    ...(pack.outcomes.schedule ?? []).map((s) => s.id),
    ...(pack.outcomes.warnings ?? []).map((w) => w.id),
    ...Object.keys(inputs),
    ...(pack.cases ?? []).map((c) => c.id),
  ]);
}

/**
 * The ids a council page's "Document coverage" section names in backticks (`l2-cqc-warning-notice`),
 * and those the pack does not have. Backticked text with a space, a slash, a dot or `<` (a file, a
 * path, a pattern) is not an id. A page without the section names nothing.
 * @example documentCoverageIds(pack, markdown).unknown // [] when the record matches the pack
 */
export function documentCoverageIds(pack: Pack, markdown: string): { named: string[]; unknown: string[] } {
  const start = markdown.indexOf(DOCUMENT_COVERAGE_HEADING);
  if (start < 0) return { named: [], unknown: [] };
  const end = markdown.indexOf('\n## ', start + DOCUMENT_COVERAGE_HEADING.length);
  const section = markdown.slice(start, end < 0 ? undefined : end);
  const named = [...section.matchAll(/`([^`]+)`/g)].map((m) => m[1]!).filter((id) => !/[/<. ]/.test(id));
  const known = packIds(pack);
  return { named, unknown: named.filter((id) => !known.has(id) && id !== 'decidedBy') };
}
