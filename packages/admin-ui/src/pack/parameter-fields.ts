import { listParameters } from '@openqaf/engine/browser';
import type { Pack } from '@openqaf/engine';
import type { EditableField } from './editable-fields.js';

/** True when the pack declares its parameters (`parameters`), so the edit screen shows exactly those. */
export function declaresParameters(pack: Pack): boolean {
  return listParameters(pack).length > 0;
}

/**
 * One field per value of each declared parameter (the pack-wide value, and each domain's), from
 * the engine's `listParameters`: the declaration's label, unit, bounds and citation, nothing
 * guessed from names. Sections are the domains ("Whole framework" for a pack-wide value). A
 * counting parameter's values carry `countedFrom`: shown read-only, counted from the criteria list.
 */
export function parameterFields(pack: Pack): EditableField[] {
  return listParameters(pack).flatMap((p) => p.values.map((v): EditableField => {
    const bounds = p.type === 'date' ? {} : { ...(typeof p.min === 'number' ? { min: p.min } : {}), ...(typeof p.max === 'number' ? { max: p.max } : {}) };
    return {
      pointer: v.pointer,
      group: 'parameters',
      section: v.domainTitle ?? 'Whole framework',
      label: p.label,
      ...(p.description ? { context: p.description } : {}),
      kind: p.type === 'date' ? 'text' : 'number',
      value: v.value,
      ...bounds,
      ...(p.type === 'integer' ? { integer: true } : {}),
      source: p.source,
      ...(p.interpretation ? { interpretation: p.interpretation } : {}),
      ...(p.countedFrom ? { countedFrom: p.countedFrom } : {}),
      parameter: { name: p.name, type: p.type, ...(p.unit ? { unit: p.unit } : {}), ...(p.min !== undefined ? { min: p.min } : {}), ...(p.max !== undefined ? { max: p.max } : {}) },
    };
  }));
}
