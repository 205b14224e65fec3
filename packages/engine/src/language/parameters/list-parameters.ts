import type { Citation, Pack } from '../../types.js';
import { escapePointer } from '../../schema/parse-json.js';
import type { ParameterType } from './parameter-declaration.js';
import { countsWords } from './parameter-counts.js';
import { unitAfter } from './unit-words.js';
import { ownMember } from '../../compile/own-member.js';

/** One value of a declared parameter: where it is in the pack, and for which domain (none: the whole pack). */
export interface ParameterValueAt {
  pointer: string;
  /** The domain whose value this is; absent for the pack-wide `value`. */
  domainId?: string;
  domainTitle?: string;
  value: number | string;
}

/** A declared parameter as the UI and the server show and edit it. */
export interface ListedParameter {
  name: string;
  /** Pointer of its declaration (`/parameters/<name>`). */
  pointer: string;
  label: string;
  type: ParameterType;
  unit?: string;
  min?: number | string;
  max?: number | string;
  description?: string;
  source: Citation;
  interpretation?: string;
  /**
   * For a counting parameter (declared with `counts`), what it counts, in words: its values are
   * counted from the criteria list (a criteria CSV import sets them), not edited by hand.
   */
  countedFrom?: string;
  /** Its values: the pack-wide `value` first, then each domain's, in framework order. */
  values: ParameterValueAt[];
}

/**
 * The pack's declared parameters (`parameters`), each with the JSON pointer of every value it
 * has, its label, unit, bounds and citation: the single list the admin UI edits and the server
 * checks. Empty when the pack declares none.
 */
export function listParameters(pack: Pack): ListedParameter[] {
  return Object.entries(pack.parameters ?? {}).map(([name, d]) => {
    const p = `/parameters/${escapePointer(name)}`;
    const values: ParameterValueAt[] = [];
    if (d.value !== undefined) values.push({ pointer: `${p}/value`, value: d.value });
    (pack.framework?.domains ?? []).forEach((dom, di) => {
      const v = ownMember(dom.parameters, name);
      if (v !== undefined) values.push({ pointer: `/framework/domains/${di}/parameters/${escapePointer(name)}`, domainId: dom.id, domainTitle: dom.title, value: v });
    });
    return {
      name, pointer: p, label: d.label, type: d.type ?? 'number',
      ...(d.unit !== undefined ? { unit: d.unit } : {}),
      ...(d.min !== undefined ? { min: d.min } : {}),
      ...(d.max !== undefined ? { max: d.max } : {}),
      ...(d.description !== undefined ? { description: d.description } : {}),
      source: d.source,
      ...(d.interpretation !== undefined ? { interpretation: d.interpretation } : {}),
      ...(d.counts !== undefined ? { countedFrom: `Counted from the criteria list (${countsWords(d.counts)}).` } : {}),
      values,
    };
  });
}

/**
 * Why a value does not fit a declared parameter, in words ("must be a whole number", "must be
 * from 0 to 12 criteria"), or undefined when it fits. Used by the meaning checks and by the
 * admin UI's field, so both refuse the same values with the same words.
 */
export function parameterValueProblem(p: Pick<ListedParameter, 'type' | 'min' | 'max' | 'unit'>, value: unknown): string | undefined {
  const range = parameterRangeWords(p);
  if (p.type === 'date') {
    if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) return 'must be a date (YYYY-MM-DD)';
    if ((typeof p.min === 'string' && value < p.min) || (typeof p.max === 'string' && value > p.max)) return `must be ${range}`;
    return undefined;
  }
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'must be a number';
  if (p.type === 'integer' && !Number.isInteger(value)) return 'must be a whole number';
  if ((typeof p.min === 'number' && value < p.min) || (typeof p.max === 'number' && value > p.max)) return `must be ${range}`;
  return undefined;
}

/**
 * A declared parameter's bounds in words, the unit agreeing with the number it follows: "from 0
 * to 250 working days", "at least 1 month", "from 0 to 1 visit per year", or "" without bounds.
 */
export function parameterRangeWords(p: Pick<ListedParameter, 'min' | 'max' | 'unit'>): string {
  const unit = (n: number | string): string => (p.unit ? ` ${unitAfter(n, p.unit)}` : '');
  if (p.min !== undefined && p.max !== undefined) return `from ${p.min} to ${p.max}${unit(p.max)}`;
  if (p.min !== undefined) return `at least ${p.min}${unit(p.min)}`;
  if (p.max !== undefined) return `at most ${p.max}${unit(p.max)}`;
  return '';
}
