import type { FactDefinition } from '../fact.js';
import { inheritedName, ownMember } from '../../compile/own-member.js';

/** `judgement`: one criterion's judgement, on the judgement scale. */
export const judgement: FactDefinition = {
  name: 'judgement', params: ['criterion'], valueType: 'string',
  doc: 'The judgement of one criterion (`params.criterion`), on the judgement scale.',
  check: (params, ctx, pointer) => {
    const c = params.criterion;
    if (typeof c !== 'string' || !ctx.index.criteriaById.has(c)) ctx.err(`${pointer}/criterion`, `The judgement fact needs params.criterion naming a criterion; "${String(c)}" is not one.`);
  },
  compile: (params, scope) => {
    const ix = scope.index;
    const id = params.criterion as string;
    // A criterion named as a property every object inherits (`toString`) is read as an own member only.
    return { get: inheritedName(id) ? (s) => ownMember(s.judgements, id) : (s) => s.judgements[id], label: `the judgement of criterion ${id}`, ...(ix.judgementScale ? { scale: ix.judgementScale } : {}) };
  },
  analyse: (params, refs) => { refs.judgementCriteria.add(params.criterion as string); },
};
