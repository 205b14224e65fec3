import { escapePointer } from '../../schema/parse-json.js';
import type { FactDefinition } from '../fact.js';
import { FILTER_WORDS, JUDGEMENT_FILTERS, rankFilter } from './judgement-filters.js';
import { ownMember } from '../../compile/own-member.js';

const PARAMS = ['decision', ...JUDGEMENT_FILTERS] as const;
const KNOWN = new Set<string>(PARAMS);

/** `domainCount`: how many domains a per-domain decision gives a value within a filter. */
export const domainCount: FactDefinition = {
  name: 'domainCount', params: PARAMS, count: true, valueType: 'integer',
  doc: 'How many domains the per-domain decision `decision` gives a value within the filter (`is`, `atLeast`, `atMost`, `above`, `below`).',
  check: (params, ctx, pointer) => {
    for (const k of Object.keys(params)) if (!KNOWN.has(k)) ctx.err(`${pointer}/${escapePointer(k)}`, `Unknown domainCount parameter "${k}".`, `Parameters: ${PARAMS.join(', ')}.`);
    const d = typeof params.decision === 'string' ? ownMember(ctx.pack.decisions, params.decision) : undefined;
    if (!d || d.forEach !== 'domain') { ctx.err(`${pointer}/decision`, `domainCount needs params.decision naming a per-domain decision; "${String(params.decision)}" is not one.`); return; }
    ctx.checkJudgementFilters(params, d.scale, pointer);
  },
  words: (params, w) => {
    const filters = JUDGEMENT_FILTERS.filter((k) => params[k] !== undefined).map((k) => `${FILTER_WORDS[k] ? `${FILTER_WORDS[k]} ` : ''}${w.value(params[k])}`);
    return `the number of domains whose ${w.name(String(params.decision ?? 'band')).toLowerCase()} is ${filters.length ? filters.join(' and ') : 'decided'}`;
  },
  compile: (params, scope) => {
    const ix = scope.index;
    const decisionId = params.decision as string;
    const insts = ix.instancesOf.get(decisionId) ?? [];
    const positions = insts.map((i) => ix.instances.indexOf(i));
    const scaleId = ownMember(ix.pack.decisions, decisionId)?.scale ?? '';
    const ranks = ix.ranks.get(scaleId) ?? new Map<string, number>();
    const filter = rankFilter(params, ranks, ranks.size);
    const label = `domains whose ${ownMember(ix.pack.decisions, decisionId)?.label ?? decisionId} is ${filter?.words ?? 'decided'}`;
    if (!filter) return { get: () => positions.length, label, count: true };
    const mask = filter.mask;
    // The scale's values the filter takes (their rank's bit set): one lookup per domain.
    const taken = new Set([...ranks].filter(([, r]) => mask[r] === 1).map(([v]) => v));
    // The same count is often read by several rules (Birmingham's overall band reads "domains
    // Inadequate" in three): it is counted once per evaluation. The domains' values are all
    // decided before any reader runs (a reader comes after them in the decision graph), and an
    // analysis resets the slots at each point as it does the criteria counts'.
    const key = `domains:${decisionId}|${mask.join('')}`;
    let slot = scope.countSlots.get(key);
    if (slot === undefined) { slot = scope.countSlots.size; scope.countSlots.set(key, slot); }
    const cacheSlot = slot;
    return {
      get: (s) => {
        const counts = s.counts;
        const cached = counts[cacheSlot]!;
        if (cached >= 0) return cached;
        let n = 0;
        for (let k = 0; k < positions.length; k++) if (taken.has(s.values[positions[k]!] as string)) n++;
        // (A state made for another compilation may have no such slot: nothing is kept there.)
        if (cacheSlot < counts.length) counts[cacheSlot] = n;
        return n;
      },
      label,
      count: true,
      counted: (s) => {
        const out: number[] = [];
        insts.forEach((inst, k) => {
          const r = ranks.get(s.values[positions[k]!] as string);
          if (r !== undefined && mask[r] === 1) out.push(inst.domainIndex);
        });
        return out;
      },
    };
  },
  analyse: (params, refs) => { refs.domainCountDecisions.add(params.decision as string); },
};
