import type { PackError } from '../../errors.js';
import type { Domain, Pack } from '../../types.js';
import { escapePointer } from '../../schema/parse-json.js';
import { listParameters, parameterRangeWords, parameterValueProblem } from './list-parameters.js';
import { isParamRef } from './parameter-declaration.js';
import { countMismatches, countsWords } from './parameter-counts.js';
import { ownMember } from '../../compile/own-member.js';

type Err = (pointer: string, message: string, hint?: string, code?: string) => void;


/** The code of a declared parameter's value outside its type or bounds (the server refuses to save such a draft). */
export const PARAMETER_BOUNDS_CODE = 'parameter.bounds';

/** The code of a counting parameter's value (declared with `counts`) that is not the framework's count. */
export const PARAMETER_COUNT_CODE = 'parameter.count';

/**
 * The meaning checks of the pack's `parameters` section (`language/parameters/`): bounds in order
 * and of the parameter's type, every value (pack-wide and per domain) a whole number for an
 * integer and within its bounds, interpretations declared; and, once a pack declares parameters,
 * every domain parameter declared there.
 */
export function checkParameters(pack: Pack, err: Err): void {
  const declared = pack.parameters;
  if (!declared) return;
  for (const p of listParameters(pack)) {
    const want = p.type === 'date' ? 'string' : 'number';
    for (const k of ['min', 'max'] as const) {
      const b = p[k];
      if (b !== undefined && typeof b !== want) err(`${p.pointer}/${k}`, `Parameter "${p.name}" is of type ${p.type}, but its ${k} is ${JSON.stringify(b)}.`, p.type === 'date' ? 'Give a date, YYYY-MM-DD.' : 'Give a number.', 'parameter');
    }
    if (p.min !== undefined && p.max !== undefined && typeof p.min === typeof p.max && p.min > p.max) {
      err(`${p.pointer}/min`, `Parameter "${p.name}" has min ${String(p.min)} greater than max ${String(p.max)}.`, 'Give the lower bound as min and the higher as max.', 'parameter');
    }
    if (p.type === 'integer') {
      for (const k of ['min', 'max'] as const) {
        const b = p[k];
        if (typeof b === 'number' && !Number.isInteger(b)) err(`${p.pointer}/${k}`, `Parameter "${p.name}" is a whole number, but its ${k} is ${b}.`, 'Give a whole number.', 'parameter');
      }
    }
    for (const v of p.values) {
      const problem = parameterValueProblem(p, v.value);
      if (problem) {
        err(v.pointer, `${p.label} ("${p.name}"${v.domainId ? `, domain "${v.domainId}"` : ''}) is ${JSON.stringify(v.value)}, but it ${problem}.`,
          `Give a ${p.type === 'integer' ? 'whole number' : p.type}${parameterRangeWords(p) ? ` ${parameterRangeWords(p)}` : ''}.`, PARAMETER_BOUNDS_CODE);
      }
    }
    if (p.interpretation !== undefined && !ownMember(pack.interpretations, p.interpretation)) {
      err(`${p.pointer}/interpretation`, `Interpretation "${p.interpretation}" is not declared in interpretations.`, 'Declare it with a title and a note.');
    }
  }
  checkCountingParameters(pack, err);
  (pack.framework?.domains ?? []).forEach((d, di) => {
    for (const name of Object.keys(d.parameters ?? {})) {
      if (!ownMember(declared, name)) err(`/framework/domains/${di}/parameters/${escapePointer(name)}`, `Domain "${d.id}" gives parameter "${name}", which is not declared in parameters.`, `Declare "${name}" under "parameters" with its label, unit, bounds and citation.`, 'parameter');
    }
  });
}

/**
 * A parameter declared with `counts` names a flag the framework defines (criteria only), and each
 * of its values is the count it describes: a domain's value that domain's, the pack-wide value the
 * whole framework's. The error names the parameter, the domain and both numbers.
 */
function checkCountingParameters(pack: Pack, err: Err): void {
  for (const [name, d] of Object.entries(pack.parameters ?? {})) {
    const flag = d.counts?.flag;
    if (flag === undefined) continue;
    const at = `/parameters/${escapePointer(name)}/counts/flag`;
    if (d.counts!.of !== 'criteria') err(at, `Parameter "${name}" counts ${d.counts!.of}; only criteria carry flags.`, 'Remove "flag", or count criteria.', 'parameter');
    else if (!ownMember(pack.framework?.flags, flag)) err(at, `Parameter "${name}" counts criteria flagged "${flag}", which the framework does not define.`, `Use one of: ${Object.keys(pack.framework?.flags ?? {}).join(', ') || '(no flags defined)'}.`, 'parameter');
  }
  for (const m of countMismatches(pack)) {
    const d = pack.parameters![m.parameter]!;
    const where = m.domain !== undefined ? `domain "${m.domain}" has` : 'the framework has';
    err(m.pointer, `${d.label} ("${m.parameter}"${m.domain !== undefined ? `, domain "${m.domain}"` : ''}) is ${JSON.stringify(m.value)}, but ${where} ${m.counted} ${countsWords(d.counts!)}: the parameter counts them.`,
      `Set it to ${m.counted} (loading the criteria list from CSV sets it).`, PARAMETER_COUNT_CODE);
  }
}

/**
 * Checks a `{ "param": name }` reference against the declared parameters; returns false when the
 * pack declares none (the per-domain parameters of older packs are checked as before).
 */
export function checkParamReference(pack: Pack, domains: readonly Domain[], name: string, perDomain: boolean, pointer: string, err: Err): boolean {
  const declared = pack.parameters;
  if (!declared) return false;
  const d = ownMember(declared, name);
  if (!d) {
    const known = Object.keys(declared);
    err(pointer, `Parameter "${name}" is not declared.`, `Declare it under "parameters" with its label, unit, bounds and citation${known.length ? `, or use one of ${known.map((k) => `"${k}"`).join(', ')}` : ''}.`, 'reference');
    return true;
  }
  if (d.value !== undefined) return true;
  if (!perDomain) {
    err(pointer, `Parameter "${name}" has no pack-wide value, and this is not inside a per-domain decision.`, `Give "value" in parameters/${name}.`, 'reference');
    return true;
  }
  for (const dom of domains) {
    if (ownMember(dom.parameters, name) === undefined) err(pointer, `Domain "${dom.id}" has no value for parameter "${name}".`, `Add "${name}" to the parameters of domain "${dom.id}", or give a pack-wide "value" in parameters/${name}.`, 'reference');
  }
  return true;
}

/** Every parameter name a `{ "param": name }` reference uses, anywhere in the pack's rules and outcomes. */
export function usedParameters(pack: Pack): Set<string> {
  const used = new Set<string>();
  const walk = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    if (Array.isArray(v)) { v.forEach(walk); return; }
    if (isParamRef(v)) used.add(v.param);
    Object.values(v).forEach(walk);
  };
  walk([pack.decisions, pack.outcomes, pack.mappings ?? null]);
  return used;
}

/**
 * Warnings: a declared parameter no rule, action or schedule entry references. A counting
 * parameter (declared with `counts`) is not warned about: it is counted from the criteria list
 * and held to it (see parameter-counts.ts), a fact about the framework whether or not a rule reads it.
 */
export function unusedParameters(pack: Pack): PackError[] {
  if (!pack.parameters) return [];
  const used = usedParameters(pack);
  return Object.entries(pack.parameters).filter(([n, p]) => !used.has(n) && p.counts === undefined).map(([n]) => ({
    code: 'parameter.unused', pointer: `/parameters/${escapePointer(n)}`,
    message: `Parameter "${n}" is declared but no rule, action or schedule entry references it.`,
    hint: `Reference it as { "param": "${n}" }, or remove it.`,
  }));
}
