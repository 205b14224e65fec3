import type { Assessment } from '../types.js';
import type { CompiledPack } from '../compile/compile-pack.js';
import { isOrdered } from '../compile/pack-index.js';
import { addDays } from '../dates/iso-date.js';
import type { Random } from '../random/seeded-random.js';

export { seededRandom, type Random } from '../random/seeded-random.js';

const pick = <T>(r: Random, list: readonly T[]): T => list[Math.floor(r() * list.length)]!;

/**
 * A valid assessment for a pack with random judgements and facts, biased towards the values
 * rules compare with, for differential tests and benchmarks. `bias` in [0, 1] favours the
 * best judgements (0.5 is uniform-ish) so every band is reached.
 */
export function randomAssessment(c: CompiledPack, r: Random, date = '2025-06-01'): Assessment {
  const ix = c.index;
  const judgements: Record<string, string> = {};
  // Per assessment, a chance that a criterion falls short; criteria otherwise get the best or
  // second-best judgement they allow, so every band from the lowest to the highest occurs.
  const weakness = r() < 0.4 ? 0 : r() * 0.3;
  for (const cr of ix.criteria) {
    if (!ix.pack.framework?.judgements.required && r() < 0.05) continue;
    const allowed = cr.allowed;
    const top = allowed.length - 1;
    const idx = r() < weakness ? Math.floor(r() * Math.max(1, top - 1)) : Math.max(0, top - (r() < 0.12 ? 1 : 0));
    judgements[cr.criterion.id] = allowed[idx]!;
  }
  const facts: Record<string, unknown> = {};
  const required = new Set(ix.pack.inputs.required ?? []);
  for (const [name, schema] of Object.entries(ix.pack.inputs.properties)) {
    if (!required.has(name) && r() < 0.2) continue;
    const scale = schema['x-scale'] ? ix.scales.get(schema['x-scale']) : undefined;
    if (isOrdered(scale)) facts[name] = pick(r, scale.values);
    else if (Array.isArray(schema.enum)) facts[name] = pick(r, schema.enum);
    else if (schema.type === 'boolean') facts[name] = r() < 0.3;
    else if (schema.format === 'date') facts[name] = addDays(date, Math.floor(r() * 1200) - 1000);
    else if (schema.type === 'integer' || schema.type === 'number') {
      const lo = typeof schema.minimum === 'number' ? schema.minimum : 0;
      const hi = typeof schema.maximum === 'number' ? Math.min(schema.maximum, lo + 5000) : lo + 3000;
      const v = lo + r() * (hi - lo);
      facts[name] = schema.type === 'integer' ? Math.round(v) : Math.round(v * 100) / 100;
    } else if (schema.type === 'string') facts[name] = pick(r, ['a', 'b', 'c']);
    else if (required.has(name)) facts[name] = null;
  }
  return { date, judgements, facts };
}
