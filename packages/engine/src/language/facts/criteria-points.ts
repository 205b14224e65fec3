import { isOrdered } from '../../compile/pack-index.js';
import type { FactDefinition } from '../fact.js';
import { CRITERIA_PARAMS, checkCriteriaParams, countedCriteria, selectCriteria, selectionWords } from './criteria-count.js';

/**
 * `criteriaPoints`: the weighted sum of the points of the judgements of the criteria selected as
 * `criteriaCount` selects them (a criterion not judged scores nothing).
 */
export const criteriaPoints: FactDefinition = {
  name: 'criteriaPoints', params: CRITERIA_PARAMS, valueType: 'number',
  doc: 'The sum, over the criteria `criteriaCount` would count with the same parameters, of each judgement\'s `points` (from the judgement scale) times the criterion\'s `weight` (1 unless given); a criterion not judged scores nothing.',
  check: (params, ctx, pointer) => {
    checkCriteriaParams('criteriaPoints', params, ctx, pointer);
    const scale = ctx.pack.framework ? ctx.index.scales.get(ctx.pack.framework.judgements.scale) : undefined;
    if (ctx.pack.framework && !(isOrdered(scale) && scale.points)) ctx.err(pointer, `criteriaPoints needs points on the judgement scale "${ctx.pack.framework.judgements.scale}".`, 'Give the scale "points": { "<value>": n, ... } for every value.');
  },
  words: (params, w) => `the points of ${selectionWords(params, w)}`,
  compile: (params, scope) => {
    const ix = scope.index;
    const { members, filter, label } = selectCriteria(params, scope);
    const scale = ix.judgementScale ? ix.scales.get(ix.judgementScale) : undefined;
    const points = Float64Array.from(isOrdered(scale) ? scale.values.map((v, r) => (filter && filter.mask[r] !== 1 ? 0 : scale.points?.[v] ?? 0)) : []);
    const idx = Int32Array.from(members.map((c) => c.index));
    const weights = Float64Array.from(members.map((c) => c.criterion.weight ?? 1));
    return {
      get: (s) => {
        let t = 0;
        for (let k = 0; k < idx.length; k++) { const r = s.ranks[idx[k]!]!; if (r >= 0) t += weights[k]! * points[r]!; }
        return t;
      },
      label: `points of ${label}`,
      // The criteria whose points were summed: those judged (and passing the filter).
      counted: (s) => countedCriteria(idx, s.ranks, filter?.mask),
    };
  },
  analyse: (params, refs, domainId) => { refs.criteriaFilters.push({ ...params, domain: params.domain === '$domain' ? domainId : params.domain }); },
};

/**
 * `weightedCount`: the criteria `criteriaCount` would count, each counted by its weight.
 */
export const weightedCount: FactDefinition = {
  name: 'weightedCount', params: CRITERIA_PARAMS, valueType: 'number',
  doc: 'The sum of the `weight`s (1 unless given) of the criteria `criteriaCount` would count with the same parameters.',
  check: (params, ctx, pointer) => checkCriteriaParams('weightedCount', params, ctx, pointer),
  words: (params, w) => `the weighted number of ${selectionWords(params, w)}`,
  compile: (params, scope) => {
    const { members, filter, label } = selectCriteria(params, scope);
    const idx = Int32Array.from(members.map((c) => c.index));
    const weights = Float64Array.from(members.map((c) => c.criterion.weight ?? 1));
    if (!filter) { const total = weights.reduce((a, b) => a + b, 0); return { get: () => total, label: `weighted ${label}` }; }
    const mask = filter.mask;
    return {
      get: (s) => {
        let t = 0;
        for (let k = 0; k < idx.length; k++) { const r = s.ranks[idx[k]!]!; if (r >= 0 && mask[r] === 1) t += weights[k]!; }
        return t;
      },
      label: `weighted ${label}`,
      counted: (s) => countedCriteria(idx, s.ranks, mask),
    };
  },
  analyse: (params, refs, domainId) => { refs.criteriaFilters.push({ ...params, domain: params.domain === '$domain' ? domainId : params.domain }); },
};
