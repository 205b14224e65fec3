import { Type, type Static } from '@sinclair/typebox';
import type { Framework, Pack } from '../../types.js';
import { escapePointer } from '../../schema/parse-json.js';
import { ownMember } from '../../compile/own-member.js';

/**
 * `counts` on a declared parameter: the parameter is a count of the framework, not a number a
 * quality lead chooses: each domain's value is how many criteria (with `flag`, when given) or
 * standards the domain has, and a pack-wide `value` the same over the whole framework. Validation
 * holds the values to the framework, and loading the criteria list from CSV sets them, so a rule
 * such as "all Mandatory criteria Partly met" (`criteriaCount` equal to the parameter) stays true
 * to the loaded list.
 * @example { "mandatoryCriteria": { "label": "Mandatory criteria in the domain", "type": "integer", "counts": { "of": "criteria", "flag": "mandatory" }, ... } }
 */
export const ParameterCountsSchema = Type.Object({
  of: Type.Union([Type.Literal('criteria'), Type.Literal('standards')], { description: 'What is counted: `criteria` or `standards`.' }),
  flag: Type.Optional(Type.String({ minLength: 1, description: 'Criteria only: count the criteria with this flag (a `framework.flags` name), e.g. `mandatory`.' })),
}, { additionalProperties: false, description: 'The parameter is a count of the framework (per domain; pack-wide: the whole framework): validation checks its values, and the criteria CSV import sets them.' });
export type ParameterCounts = Static<typeof ParameterCountsSchema>;

/** What a counting parameter counts, in words: "criteria flagged \"mandatory\"", "standards". */
export function countsWords(c: ParameterCounts): string {
  return c.of === 'standards' ? 'standards' : c.flag ? `criteria flagged "${c.flag}"` : 'criteria';
}

/** How many of what `c` counts the framework has: in one domain, or over all of them (no `domainId`). */
export function frameworkCount(framework: Framework | undefined, c: ParameterCounts, domainId?: string): number {
  let n = 0;
  for (const d of framework?.domains ?? []) {
    if (domainId !== undefined && d.id !== domainId) continue;
    if (c.of === 'standards') { n += d.standards.length; continue; }
    for (const s of d.standards) for (const cr of s.criteria) if (!c.flag || (cr.flags ?? []).includes(c.flag)) n++;
  }
  return n;
}

/** One value of a counting parameter that differs from what it counts. */
export interface CountMismatch {
  parameter: string;
  /** JSON pointer of the value. */
  pointer: string;
  /** The domain whose value it is; absent for the pack-wide value. */
  domain?: string;
  value: unknown;
  counted: number;
}

/** Every value of a parameter declared with `counts` that is not the count of the framework it describes. */
export function countMismatches(pack: Pack): CountMismatch[] {
  const out: CountMismatch[] = [];
  for (const [name, d] of Object.entries(pack.parameters ?? {})) {
    if (!d.counts) continue;
    const at = escapePointer(name);
    if (d.value !== undefined) {
      const counted = frameworkCount(pack.framework, d.counts);
      if (d.value !== counted) out.push({ parameter: name, pointer: `/parameters/${at}/value`, value: d.value, counted });
    }
    (pack.framework?.domains ?? []).forEach((dom, di) => {
      const v = ownMember(dom.parameters, name);
      if (v === undefined) return;
      const counted = frameworkCount(pack.framework, d.counts!, dom.id);
      if (v !== counted) out.push({ parameter: name, pointer: `/framework/domains/${di}/parameters/${at}`, domain: dom.id, value: v, counted });
    });
  }
  return out;
}

/** A counting parameter's value the criteria import changed. */
export interface CountParameterChange {
  parameter: string;
  /** The domain whose value changed; absent for the pack-wide value. */
  domain?: string;
  from: unknown;
  to: number;
}

/**
 * A copy of `pack` whose counting parameters (declared with `counts`) hold the counts of its
 * framework, and what changed. Only values the pack gives are set (a domain without a value keeps
 * reading the pack-wide one). Pure: `pack` is not changed.
 */
export function withCountedParameters(pack: Record<string, unknown>): { pack: Record<string, unknown>; changed: CountParameterChange[] } {
  const mismatches = countMismatches(pack as unknown as Pack);
  if (!mismatches.length) return { pack, changed: [] };
  const p = structuredClone(pack) as unknown as Pack;
  const changed: CountParameterChange[] = [];
  for (const m of mismatches) {
    if (m.domain === undefined) p.parameters![m.parameter]!.value = m.counted;
    else p.framework!.domains.find((d) => d.id === m.domain)!.parameters![m.parameter] = m.counted;
    changed.push({ parameter: m.parameter, ...(m.domain !== undefined ? { domain: m.domain } : {}), from: m.value, to: m.counted });
  }
  return { pack: p as unknown as Record<string, unknown>, changed };
}
