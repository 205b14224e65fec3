import { isOrdered, type IndexedCriterion } from '../../compile/pack-index.js';
import { escapePointer } from '../../schema/parse-json.js';
import type { FactCheckContext, FactDefinition, FactWordsHelpers } from '../fact.js';
import type { CompileScope } from '../../compile/compile-fact.js';
import type { Condition, Pack } from '../../types.js';
import { FILTER_WORDS, JUDGEMENT_FILTERS, rankFilter } from './judgement-filters.js';
import { ownMember } from '../../compile/own-member.js';

/** The parameters of a fact over criteria, in the order hints list them. */
export const CRITERIA_PARAMS = ['domain', 'standard', 'flag', 'notFlag', ...JUDGEMENT_FILTERS] as const;
const PARAMS = CRITERIA_PARAMS;
const KNOWN = new Set<string>(PARAMS);

/**
 * The words of a reference's selection of criteria: "mandatory criteria in Safeguarding and safety
 * judged at least Good", a named domain by its title (`w.domain`) and a flag by its label
 * (`w.flag`, in lower case as the engine's own labels read), never by its id.
 */
export function selectionWords(params: Record<string, unknown>, w: FactWordsHelpers): string {
  const flagWords = (id: string): string => (w.flag ? w.flag(id).toLowerCase() : id);
  const parts: string[] = [];
  if (params.flag) parts.push(flagWords(String(params.flag)));
  parts.push('criteria');
  if (params.notFlag) parts.push(`not ${flagWords(String(params.notFlag))}`);
  if (params.domain && params.domain !== '$domain') parts.push(`in ${w.domain?.(String(params.domain)) ?? String(params.domain)}`);
  for (const k of JUDGEMENT_FILTERS) if (params[k] !== undefined) parts.push(`judged ${FILTER_WORDS[k] ? `${FILTER_WORDS[k]} ` : ''}${w.value(params[k])}`);
  return parts.join(' ');
}

/**
 * `criteriaCount`: how many criteria (in a domain, a standard, with or without a flag) are
 * judged within a filter on the judgement scale.
 */
export const criteriaCount: FactDefinition = {
  name: 'criteriaCount', params: PARAMS, count: true, valueType: 'integer',
  doc: 'How many criteria are judged as the filter says (`is`, `atLeast`, `atMost`, `above`, `below`), within `domain` (an id or `$domain`), `standard`, `flag` and `notFlag`.',
  check: (params, ctx, pointer) => checkCriteriaParams('criteriaCount', params, ctx, pointer),
  words: (params, w) => `the number of ${selectionWords(params, w)}`,
  compile: (params, scope) => {
    const { members, filter, label } = selectCriteria(params, scope);
    const idx = Int32Array.from(members.map((c) => c.index));
    if (!filter) {
      const n = idx.length;
      return { get: () => n, label, count: true };
    }
    const mask = filter.mask;
    // The same count is often read by several rules (e.g. "Not met" by Silver, Bronze and
    // Inadequate): it is computed once per evaluation.
    const key = `${Array.from(idx).join(',')}|${mask.join('')}`;
    let slot = scope.countSlots.get(key);
    if (slot === undefined) { slot = scope.countSlots.size; scope.countSlots.set(key, slot); }
    const cacheSlot = slot;
    // Counts of the same criteria under other filters ("Met", "at least Met") read one tally of
    // their judgements by rank, made once per evaluation too.
    const tally = tallySlots(idx, mask.length, scope.countSlots);
    const wanted = Int32Array.from(Array.from(mask.keys()).filter((r) => mask[r] === 1));
    return {
      get: (s) => {
        const counts = s.counts;
        const cached = counts[cacheSlot]!;
        if (cached >= 0) return cached;
        // (Not `< 0`: a state made for another compilation may have no such slot.)
        if (!(counts[tally]! >= 0)) tallyRanks(idx, mask.length, s.ranks, counts, tally);
        let n = 0;
        for (let k = 0; k < wanted.length; k++) n += counts[tally + 1 + wanted[k]!]!;
        counts[cacheSlot] = n;
        return n;
      },
      label,
      count: true,
      counted: (s) => countedCriteria(idx, s.ranks, mask),
    };
  },
  analyse: (params, refs, domainId) => { refs.criteriaFilters.push({ ...params, domain: params.domain === '$domain' ? domainId : params.domain }); },
};

/**
 * The criteria a reference with these params reads (its `domain`, `standard`, `flag`, `notFlag`),
 * its judgement filter, and their words ("mandatory criteria in Safeguarding judged Not met").
 */
export function selectCriteria(params: Record<string, unknown>, scope: CompileScope): { members: IndexedCriterion[]; filter: { mask: Uint8Array; words: string } | undefined; label: string } {
  const ix = scope.index;
  const domainId = params.domain === '$domain' ? ix.domains[scope.domainIndex]?.id : params.domain as string | undefined;
  const flag = params.flag as string | undefined;
  const notFlag = params.notFlag as string | undefined;
  const standard = params.standard as string | undefined;
  const members = ix.criteria.filter((c) =>
    (domainId === undefined || c.domain.id === domainId)
    && (standard === undefined || c.standardId === standard)
    && (flag === undefined || c.flags.has(flag))
    && (notFlag === undefined || !c.flags.has(notFlag)));
  const jscale = ix.judgementScale ? ix.scales.get(ix.judgementScale) : undefined;
  const jranks = ix.judgementScale ? ix.ranks.get(ix.judgementScale) : undefined;
  const filter = jranks && isOrdered(jscale) ? rankFilter(params, jranks, jscale.values.length) : undefined;
  const flags = ix.pack.framework?.flags ?? {};
  const domainTitle = domainId ? ix.domains.find((d) => d.id === domainId)?.title ?? domainId : undefined;
  const label = [
    flag ? `${(ownMember(flags, flag)?.label ?? flag).toLowerCase()} criteria` : 'criteria',
    notFlag ? `not ${(ownMember(flags, notFlag)?.label ?? notFlag).toLowerCase()}` : '',
    standard ? `in standard ${standard}` : '',
    domainTitle ? `in ${domainTitle}` : '',
    filter ? `judged ${filter.words}` : '',
  ].filter(Boolean).join(' ');
  return { members, filter, label };
}

/** Checks the parameters of a fact over criteria (`criteriaCount`, `criteriaPoints`, `weightedCount`), naming each by pointer. */
export function checkCriteriaParams(fact: string, params: Record<string, unknown>, ctx: FactCheckContext, pointer: string): void {
  const fw = ctx.pack.framework;
  const ix = ctx.index;
  if (!fw) { ctx.err(pointer, `${fact} needs a framework.`); return; }
  for (const k of Object.keys(params)) if (!KNOWN.has(k)) ctx.err(`${pointer}/${escapePointer(k)}`, `Unknown ${fact} parameter "${k}".`, `Parameters: ${PARAMS.join(', ')}.`);
  const dom = params.domain;
  if (dom === '$domain') { if (!ctx.perDomain) ctx.err(`${pointer}/domain`, '"$domain" is only meaningful inside a per-domain decision (forEach: "domain").'); }
  else if (dom !== undefined && !ix.domains.some((d) => d.id === dom)) ctx.err(`${pointer}/domain`, `Unknown domain "${String(dom)}".`, `Domains: ${ix.domains.map((d) => d.id).join(', ')}.`);
  if (params.standard !== undefined && !ix.domains.some((d) => d.standards.some((s) => s.id === params.standard))) ctx.err(`${pointer}/standard`, `Unknown standard "${String(params.standard)}".`);
  for (const k of ['flag', 'notFlag']) if (params[k] !== undefined && !fw.flags?.[params[k] as string]) ctx.err(`${pointer}/${k}`, `Flag "${String(params[k])}" is not declared in framework.flags.`);
  ctx.checkJudgementFilters(params, fw.judgements.scale, pointer);
}

/**
 * How many of a domain's criteria a `criteriaCount` with these params counts (its `standard`,
 * `flag` and `notFlag`; `domain` when it names one, else the given domain): the most a number
 * compared with that count can usefully be. The validator and the admin UI both bound by it.
 */
export function criteriaCounted(pack: Pack, params: Record<string, unknown>, domainId: string): number {
  const id = params.domain === '$domain' || params.domain === undefined ? domainId : params.domain;
  let n = 0;
  for (const d of pack.framework?.domains ?? []) {
    if (d.id !== id) continue;
    for (const s of d.standards) {
      if (params.standard !== undefined && s.id !== params.standard) continue;
      for (const c of s.criteria) {
        const flags = c.flags ?? [];
        if (params.flag !== undefined && !flags.includes(params.flag as string)) continue;
        if (params.notFlag !== undefined && flags.includes(params.notFlag as string)) continue;
        n++;
      }
    }
  }
  return n;
}

function countLeaves(c: Condition, out: { params: Record<string, unknown>; param: string }[]): void {
  if ('all' in c) { for (const x of c.all) countLeaves(x, out); return; }
  if ('any' in c) { for (const x of c.any) countLeaves(x, out); return; }
  if ('not' in c) { countLeaves(c.not, out); return; }
  const v = c.value as { param?: unknown } | null;
  if (c.fact === 'criteriaCount' && v && typeof v === 'object' && typeof v.param === 'string') out.push({ params: c.params ?? {}, param: v.param });
}

/**
 * For each domain parameter compared with a count of criteria in a per-domain rule, and each
 * domain, the count it is compared with (the smallest, when several): the bound the validator
 * enforces, for an editor to offer.
 * @example countParameterBounds(pack) // { silverMinFullyMet: { safeguarding: 12, ... }, mandatoryMet: { safeguarding: 6, ... } }
 */
export function countParameterBounds(pack: Pack): Record<string, Record<string, number>> {
  const found: { params: Record<string, unknown>; param: string }[] = [];
  for (const d of Object.values(pack.decisions)) for (const r of d.rules ?? []) countLeaves(r.when, found);
  const bounds: Record<string, Record<string, number>> = {};
  for (const { params, param } of found) {
    const perDomain = (bounds[param] ??= {});
    for (const d of pack.framework?.domains ?? []) {
      if (ownMember(d.parameters, param) === undefined) continue;
      const n = criteriaCounted(pack, params, d.id);
      perDomain[d.id] = Math.min(perDomain[d.id] ?? n, n);
    }
  }
  return bounds;
}

/**
 * The count slots of a tally of these criteria's judgements by rank (`size` ranks): the first
 * says whether it is made in this evaluation (-1: not yet), the next `size` hold each rank's count.
 */
function tallySlots(idx: Int32Array, size: number, countSlots: Map<string, number>): number {
  const key = `tally|${Array.from(idx).join(',')}`;
  let first = countSlots.get(key);
  if (first === undefined) {
    first = countSlots.size;
    countSlots.set(key, first);
    for (let r = 0; r < size; r++) countSlots.set(`${key}|${r}`, first + 1 + r);
  }
  return first;
}

/** Makes the tally at `at` (`tallySlots`) of the judged criteria among `idx` by rank. */
function tallyRanks(idx: Int32Array, size: number, ranks: ArrayLike<number>, counts: number[], at: number): void {
  for (let r = 0; r < size; r++) counts[at + 1 + r] = 0;
  for (let k = 0; k < idx.length; k++) {
    const v = ranks[idx[k]!]!;
    if (v >= 0 && v < size) counts[at + 1 + v]!++;
  }
  counts[at] = 1;
}

/**
 * The criteria (by index in the pack) a count-like fact counted in an evaluation: the members
 * judged, and passing the judgement filter when there is one. For the explanation's `counted`.
 */
export function countedCriteria(idx: Int32Array, ranks: ArrayLike<number>, mask: Uint8Array | undefined): number[] {
  const out: number[] = [];
  for (let k = 0; k < idx.length; k++) {
    const v = ranks[idx[k]!]!;
    if (v >= 0 && (!mask || mask[v] === 1)) out.push(idx[k]!);
  }
  return out;
}
