import type { PackError } from '../errors.js';
import type { Condition, Decision, Expression, LeafCondition, Offset, Pack, PackCase } from '../types.js';
import { indexPack, isOrdered, scaleOfFact } from '../compile/pack-index.js';
import { EXPRESSIONS, EXPRESSION_SCHEMA, FACTS, FACT_BY_NAME, SCHEDULE_FORMS, expressionOf, isValueExpression } from '../language/registry.js';
import { expressionValueType } from '../language/expression-value-type.js';
import { createAjv } from './validate-pack.js';
import type { ValidateFunction } from 'ajv';
import { DUE_UNITS } from '../language/timing/due.js';
import { checkCalendarName } from '../language/calendars/calendars.js';
import { JUDGEMENT_FILTERS } from '../language/facts/judgement-filters.js';
import { criteriaCounted } from '../language/facts/criteria-count.js';
import type { FactCheckContext } from '../language/fact.js';
import { findCycles, decisionDependencies, decisionOfFact } from '../compile/decision-graph.js';
import { checkPluginDeclarations, pluginDeclarations, pluginParamUse, pluginParamValueProblem, type PluginDeclaration } from '../language/plugin-declaration.js';
import { checkOperatorDeclarations, checkOperatorUse, declarationHint, literalValueType, operatorDeclarations, type OperatorDeclaration, type OperatorValueType } from '../language/plugin-operator.js';
import { BUILTIN_OPERATORS, SCALE_OPERATORS } from '../compile/operators.js';
import { FORBIDDEN_KEYS, LIMITS } from './limits.js';
import { ASSESSMENT_KEYS } from './shapes/assessment.js';
import { escapePointer } from './parse-json.js';
import { checkLimits } from '../language/limits.js';
import { checkParamReference, checkParameters } from '../language/parameters/check-parameters.js';
import { isParamRef } from '../language/parameters/parameter-declaration.js';
import { PARAMETER_USES, parameterUseProblem, type ParameterUse } from '../language/parameters/parameter-use.js';
import { checkDecisionTable, expandDecisionTables, tablePointer } from '../language/decision-table.js';
import { checkHumanDecision, takesRecordedDecision } from '../language/human-decision.js';
import { ownMember } from '../compile/own-member.js';

/** The schema check of an expression standing as a condition's value, compiled when first needed. */
let valueExpressionCheck: ValidateFunction | undefined;

const BUILTIN_FACTS = FACTS.map((f) => f.name);
/** The operators comparing numbers: a parameter they compare with must be a number. */
const NUMBER_OPERATORS = new Set(['lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive']);
/** Operators that compare dates. */
const DATE_OPERATORS = new Set(['before', 'after', 'onOrBefore', 'onOrAfter']);

interface Scope {
  /** Pointer of the thing being checked. */
  pointer: string;
  /** The decision being checked, when inside one. */
  decisionId?: string;
  perDomain: boolean;
}

/**
 * Checks a schema-valid pack for what a schema cannot express: every reference resolves,
 * the decision graph has no cycles, outputs lie on their decision's scale, mappings are total,
 * citations name known sections, cases use known inputs.
 */
export function meaningChecks(source: Pack, available: { operators?: Iterable<string>; facts?: Iterable<string>; declarations?: Record<string, PluginDeclaration>; operatorDeclarations?: Record<string, OperatorDeclaration> } = {}): PackError[] {
  // Decision tables are checked as the rules they compile to; errors point back at their rows.
  const { pack, origins } = expandDecisionTables(source);
  const errors: PackError[] = [];
  const err = (pointer: string, message: string, hint?: string, code = 'meaning'): void => {
    errors.push({ code, pointer, message, ...(hint ? { hint } : {}) });
  };
  const ix = indexPack(pack);
  const tableErrors: PackError[] = [];
  for (const [id, d] of Object.entries(source.decisions)) {
    if (!d.table || !ix.scales.has(d.scale)) continue;
    checkDecisionTable(id, d.table, {
      err: (pointer, message, hint) => tableErrors.push({ code: 'table', pointer, message, ...(hint ? { hint } : {}) }),
      scaleValues: (col) => {
        if (col.path || col.fact === 'domainCount' || col.fact === 'criteriaCount') return undefined;
        const scale = scaleOfFact(ix, col.fact);
        const s = scale ? ix.scales.get(scale) : undefined;
        return scale && isOrdered(s) ? { scale, values: s.values } : undefined;
      },
    });
  }
  const declaredOps = new Set([...(pack.extensions?.operators ?? []), ...(available.operators ?? [])]);
  const declaredFacts = new Set([...(pack.extensions?.facts ?? []), ...(available.facts ?? [])]);
  const declarations = pluginDeclarations(pack, { declarations: available.declarations ?? {} });
  checkPluginDeclarations(pack.extensions?.declarations ?? {}, { pack, facts: declaredFacts, err: (pointer, message, hint) => err(pointer, message, hint, 'extension') });
  const opDeclarations = operatorDeclarations(pack, { operatorDeclarations: available.operatorDeclarations ?? {} });
  checkOperatorDeclarations(pack.extensions?.operatorDeclarations ?? {}, { operators: declaredOps, err: (pointer, message, hint) => err(pointer, message, hint, 'extension') });
  const interpretations = new Set(Object.keys(pack.interpretations ?? {}));
  const usedInterpretations = new Set<string>();

  checkParameters(source, err);

  // Sources and citations.
  pack.metadata.documents.forEach((d, i) => {
    if (!ownMember(pack.sources, d)) err(`/metadata/documents/${i}`, `Document "${d}" is not declared in sources.`, `Add it under "sources" or remove it here.`);
  });
  walkCitations(pack, '', (c, pointer) => {
    const doc = ownMember(pack.sources, c.doc);
    if (!doc) err(pointer, `Cites document "${c.doc}", which is not in sources.`, `Known documents: ${Object.keys(pack.sources).join(', ')}.`, 'citation');
    else if (!Object.hasOwn(doc.sections, c.section)) err(pointer, `Cites section "${c.section}" of document "${c.doc}", which is not listed in its sections.`, `Add "${c.section}" to sources/${c.doc}/sections, or cite a listed section.`, 'citation');
  });

  // Scales and mappings.
  for (const [id, s] of ix.scales) {
    if (!isOrdered(s) && s.numeric.min > s.numeric.max) err(`/scales/${escapePointer(id)}/numeric`, `Scale "${id}" has min greater than max.`);
    if (isOrdered(s)) {
      (s.unrated ?? []).forEach((v, i) => { if (!s.values.includes(v)) err(`/scales/${escapePointer(id)}/unrated/${i}`, `"${v}" is not a value of scale "${id}".`, `Values: ${s.values.join(', ')}.`); });
    }
    if (isOrdered(s) && s.points) {
      const sp = `/scales/${escapePointer(id)}/points`;
      for (const v of Object.keys(s.points)) {
        if (!s.values.includes(v)) err(`${sp}/${escapePointer(v)}`, `"${v}" is not a value of scale "${id}".`, `Values: ${s.values.join(', ')}.`);
      }
      const missing = s.values.filter((v) => !(v in s.points!));
      if (missing.length) err(sp, `Scale "${id}" gives points to some values but not to ${missing.map((v) => `"${v}"`).join(', ')}.`, 'Give every value its points, or none.');
    }
  }
  for (const [id, m] of Object.entries(pack.mappings ?? {})) {
    const p = `/mappings/${escapePointer(id)}`;
    const from = ix.scales.get(m.from);
    const to = ix.scales.get(m.to);
    if (!isOrdered(from)) { err(`${p}/from`, `Mapping "${id}" maps from "${m.from}", which is not an ordered scale.`); continue; }
    if (!isOrdered(to)) { err(`${p}/to`, `Mapping "${id}" maps to "${m.to}", which is not an ordered scale.`); continue; }
    for (const v of from.values) if (!Object.hasOwn(m.table, v)) err(`${p}/table`, `Mapping "${id}" is not total: "${v}" (on scale ${m.from}) has no entry.`, `Add "${v}": "<one of ${to.values.join(', ')}>".`);
    for (const [k, v] of Object.entries(m.table)) {
      if (!from.values.includes(k)) err(`${p}/table/${escapePointer(k)}`, `"${k}" is not a value of scale "${m.from}".`, `Values: ${from.values.join(', ')}.`);
      if (!to.values.includes(v)) err(`${p}/table/${escapePointer(k)}`, `"${v}" is not a value of scale "${m.to}".`, `Values: ${to.values.join(', ')}.`);
    }
  }

  // Framework.
  const fw = pack.framework;
  if (fw) {
    const js = ix.scales.get(fw.judgements.scale);
    if (!isOrdered(js)) err('/framework/judgements/scale', `Judgement scale "${fw.judgements.scale}" is not an ordered scale.`);
    const jvals = isOrdered(js) ? new Set(js.values) : new Set<string>();
    const checkJ = (list: string[], p: string): void => list.forEach((j, i) => { if (!jvals.has(j)) err(`${p}/${i}`, `"${j}" is not a value of the judgement scale "${fw.judgements.scale}".`); });
    checkJ(fw.judgements.default, '/framework/judgements/default');
    for (const [flag, list] of Object.entries(fw.judgements.byFlag ?? {})) {
      if (!ownMember(fw.flags, flag)) err(`/framework/judgements/byFlag/${escapePointer(flag)}`, `Flag "${flag}" is not declared in framework.flags.`);
      checkJ(list, `/framework/judgements/byFlag/${escapePointer(flag)}`);
    }
    (fw.interpretations ?? []).forEach((id, i) => useInterpretation(id, `/framework/interpretations/${i}`));
    for (const [flag, def] of Object.entries(fw.flags ?? {})) if (def.interpretation) useInterpretation(def.interpretation, `/framework/flags/${escapePointer(flag)}/interpretation`);
    const seen = new Map<string, string>();
    const unique = (id: string, p: string, what: string): void => {
      if (seen.has(id)) err(p, `The ${what} id "${id}" is used twice (also at ${seen.get(id)}).`, 'Ids must be unique across domains, standards and criteria.');
      else seen.set(id, p);
    };
    if (ix.criteria.length > LIMITS.maxCriteria) err('/framework', `The framework has ${ix.criteria.length} criteria; the limit is ${LIMITS.maxCriteria}.`, undefined, 'limit.criteria');
    fw.domains.forEach((d, di) => {
      unique(d.id, `/framework/domains/${di}/id`, 'domain');
      if (d.interpretation) useInterpretation(d.interpretation, `/framework/domains/${di}/interpretation`);
      d.standards.forEach((s, si) => {
        unique(s.id, `/framework/domains/${di}/standards/${si}/id`, 'standard');
        if (s.interpretation) useInterpretation(s.interpretation, `/framework/domains/${di}/standards/${si}/interpretation`);
        s.criteria.forEach((c, ci) => {
          const p = `/framework/domains/${di}/standards/${si}/criteria/${ci}`;
          unique(c.id, `${p}/id`, 'criterion');
          if (FORBIDDEN_KEYS.has(c.id)) err(`${p}/id`, `Criterion id "${c.id}" cannot be used: assessments and cases give judgements by criterion id, and "${c.id}" is refused there as a key (it could alter object prototypes).`, `Rename the criterion, e.g. "${c.id}-1".`, 'key.forbidden');
          if (c.interpretation) useInterpretation(c.interpretation, `${p}/interpretation`);
          (c.flags ?? []).forEach((f, fi) => { if (!ownMember(fw.flags, f)) err(`${p}/flags/${fi}`, `Flag "${f}" is not declared in framework.flags.`, `Declared flags: ${Object.keys(fw.flags ?? {}).join(', ') || 'none'}.`); });
          if (fw.tags) (c.tags ?? []).forEach((t, ti) => { if (!Object.hasOwn(fw.tags!, t)) err(`${p}/tags/${ti}`, `Tag "${t}" is not declared in framework.tags.`); });
          if (c.judgements) checkJ(c.judgements, `${p}/judgements`);
        });
      });
    });
  }

  // Inputs.
  const reserved = new Set<string>([...BUILTIN_FACTS, ...Object.keys(pack.decisions)]);
  for (const [name, schema] of Object.entries(pack.inputs.properties)) {
    const p = `/inputs/properties/${escapePointer(name)}`;
    if (reserved.has(name) || ix.instancesById.has(name)) err(p, `Input fact "${name}" has the name of a built-in fact or a decision.`, 'Rename the input.');
    const sc = schema['x-scale'];
    if (sc !== undefined && !isOrdered(ix.scales.get(sc))) err(`${p}/x-scale`, `Input fact "${name}" is on scale "${sc}", which is not an ordered scale.`);
  }
  (pack.inputs.required ?? []).forEach((r, i) => { if (!ix.inputFacts.has(r)) err(`/inputs/required/${i}`, `Required fact "${r}" is not among the input properties.`); });

  const top: Scope = { pointer: '', perDomain: false };
  /** A due offset (an action's `due`, a human decision's `within`): one unit, its `from`, its calendar. */
  const checkOffset = (due: Offset, p: string, what: string): void => {
    const units = DUE_UNITS.filter((u) => due[u.unit] !== undefined);
    if (units.length !== 1) err(p, `${what} due must give exactly one of ${DUE_UNITS.map((u) => u.unit).join(', ')} (it gives ${units.length}).`);
    for (const u of units) { const n = due[u.unit]; if (isParamRef(n)) checkParam(n.param, top, `${p}/${u.unit}/param`, PARAMETER_USES[u.unit]); }
    if (due.from !== undefined) checkExpression(due.from, { ...top, pointer: `${p}/from` });
    if (due.calendar !== undefined) {
      if (due.workingDays === undefined) err(`${p}/calendar`, `${what} names a calendar, but only working days skip bank holidays.`, 'Give the due time in workingDays, or remove the calendar.');
      else checkCalendarName(due.calendar, `${p}/calendar`, err);
    }
  };

  // Decisions.
  let ruleCount = 0;
  if (ix.instances.length > LIMITS.maxDecisions) err('/decisions', `The pack has ${ix.instances.length} decisions after per-domain expansion; the limit is ${LIMITS.maxDecisions}.`, undefined, 'limit.decisions');
  for (const [id, d] of Object.entries(pack.decisions)) {
    const p = `/decisions/${escapePointer(id)}`;
    const scope: Scope = { pointer: p, decisionId: id, perDomain: d.forEach === 'domain' };
    if (!ix.scales.has(d.scale)) { err(`${p}/scale`, `Decision "${id}" is on scale "${d.scale}", which is not declared.`, `Declared scales: ${[...ix.scales.keys()].join(', ')}.`); continue; }
    if (d.forEach === 'domain' && !fw) err(`${p}/forEach`, `Decision "${id}" is evaluated per domain but the pack has no framework.`);
    if ((d.hitPolicy === 'max' || d.hitPolicy === 'min') && !isOrdered(ix.scales.get(d.scale)) && !('numeric' in (ix.scales.get(d.scale) ?? {}))) err(`${p}/hitPolicy`, `Hit policy "${d.hitPolicy}" needs a scale.`);
    const ruleIds = new Set<string>();
    ruleCount += (d.rules ?? []).length;
    (d.rules ?? []).forEach((r, ri) => {
      const rp = `${p}/rules/${ri}`;
      if (ruleIds.has(r.id)) err(`${rp}/id`, `Rule id "${r.id}" is used twice in decision "${id}".`);
      ruleIds.add(r.id);
      checkCondition(r.when, { ...scope, pointer: `${rp}/when` });
      checkOutput(r.output, d, { ...scope, pointer: `${rp}/output` });
      if (r.interpretation) useInterpretation(r.interpretation, `${rp}/interpretation`);
    });
    if (d.limits) {
      const sc = ix.scales.get(d.scale);
      checkLimits(d.limits, {
        pointer: `${p}/limits`, decisionId: id, hitPolicy: d.hitPolicy,
        scale: isOrdered(sc) ? { values: sc.values } : sc,
        err: (pointer, message, hint) => err(pointer, message, hint),
        checkCondition: (c, pointer) => checkCondition(c, { ...scope, pointer }),
        useInterpretation,
      });
    }
    if (d.fallback) {
      checkOutput(d.fallback.output, d, { ...scope, pointer: `${p}/fallback/output` });
      if (d.fallback.interpretation) useInterpretation(d.fallback.interpretation, `${p}/fallback/interpretation`);
    }
    const humanScale = ix.scales.get(d.scale);
    checkHumanDecision(id, d, p, (pointer, message, hint) => err(pointer, message, hint, 'decided-by'), isOrdered(humanScale) ? humanScale.values : undefined);
    if (d.decidedBy?.within) checkOffset(d.decidedBy.within, `${p}/decidedBy/within`, `Decision "${id}"`);
    if (d.decidedBy?.interpretation) useInterpretation(d.decidedBy.interpretation, `${p}/decidedBy/interpretation`);
    if (d.decidedBy?.labelFrom !== undefined) {
      const from = d.decidedBy.labelFrom;
      if (from === id) err(`${p}/decidedBy/labelFrom`, `Decision "${id}" cannot say who decides itself.`, 'Name another decision, one whose value says who decides ("Who decides the level").', 'decided-by');
      else if (!ix.instancesOf.has(from)) err(`${p}/decidedBy/labelFrom`, `Unknown decision "${from}": decision "${id}" reads who decides from it.`, `Declare "${from}" under decisions, or name one of: ${[...ix.instancesOf.keys()].join(', ')}.`, 'decided-by');
    }
    if (d.decidedBy?.nothingToDecide) {
      const sc = ix.scales.get(d.scale);
      const values = isOrdered(sc) ? sc.values : undefined;
      d.decidedBy.nothingToDecide.forEach((v, i) => {
        if (values && !values.includes(v)) err(`${p}/decidedBy/nothingToDecide/${i}`, `"${v}" is not a value of scale "${d.scale}" of decision "${id}".`, `Use one of: ${values.join(', ')}.`, 'decided-by');
      });
    }
    if (d.decidedBy?.values) {
      const sc = ix.scales.get(d.scale);
      const values = isOrdered(sc) ? sc.values : undefined;
      d.decidedBy.values.forEach((v, i) => {
        if (!values) err(`${p}/decidedBy/values/${i}`, `Decision "${id}" is on scale "${d.scale}", which has no listed values to choose from.`, 'Declare decidedBy.values only on a decision with an ordered scale.', 'decided-by');
        else if (!values.includes(v)) err(`${p}/decidedBy/values/${i}`, `"${v}" is not a value of scale "${d.scale}" of decision "${id}".`, `Use one of: ${values.join(', ')}.`, 'decided-by');
      });
    }
    if (d.override?.secondPersonWhenBelow !== undefined) checkOutput(d.override.secondPersonWhenBelow, d, { ...scope, pointer: `${p}/override/secondPersonWhenBelow` });
    if (d.override?.interpretation) useInterpretation(d.override.interpretation, `${p}/override/interpretation`);
  }
  if (ruleCount > LIMITS.maxRules) err('/decisions', `The pack has ${ruleCount} rules; the limit is ${LIMITS.maxRules}.`, undefined, 'limit.rules');
  for (const cycle of findCycles(decisionDependencies(pack, declarations))) {
    err(`/decisions/${escapePointer(cycle[0]!)}`, `Decisions refer to each other in a cycle: ${cycle.join(' -> ')}.`, 'A decision may only use decisions that do not, directly or not, use it.', 'cycle');
  }

  // Outcomes.
  const head = ownMember(pack.decisions, pack.outcomes.headline);
  if (!head) err('/outcomes/headline', `Headline decision "${pack.outcomes.headline}" is not declared.`, `Decisions: ${Object.keys(pack.decisions).join(', ')}.`);
  else if (head.forEach) err('/outcomes/headline', `Headline decision "${pack.outcomes.headline}" is per domain; the headline must be a single decision.`);
  const ids = (list: { id: string }[] | undefined, p: string, what: string): Set<string> => {
    const s = new Set<string>();
    (list ?? []).forEach((x, i) => { if (s.has(x.id)) err(`${p}/${i}/id`, `The ${what} id "${x.id}" is used twice.`); s.add(x.id); });
    return s;
  };
  const actionIds = ids(pack.outcomes.actions, '/outcomes/actions', 'action');
  const scheduleIds = ids(pack.outcomes.schedule, '/outcomes/schedule', 'schedule');
  const scoreIds = ids(pack.outcomes.scores, '/outcomes/scores', 'score');
  const warningIds = ids(pack.outcomes.warnings, '/outcomes/warnings', 'warning');
  (pack.outcomes.warnings ?? []).forEach((w, i) => {
    const p = `/outcomes/warnings/${i}`;
    checkCondition(w.when, { ...top, pointer: `${p}/when` });
    if (w.interpretation) useInterpretation(w.interpretation, `${p}/interpretation`);
  });
  (pack.outcomes.actions ?? []).forEach((a, i) => {
    const p = `/outcomes/actions/${i}`;
    checkCondition(a.when, { ...top, pointer: `${p}/when` });
    if (a.due) checkOffset(a.due, `${p}/due`, `Action "${a.id}"`);
    if (a.interpretation) useInterpretation(a.interpretation, `${p}/interpretation`);
  });
  (pack.outcomes.schedule ?? []).forEach((s, i) => {
    const p = `/outcomes/schedule/${i}`;
    checkCondition(s.when, { ...top, pointer: `${p}/when` });
    const forms = SCHEDULE_FORMS.filter((f) => s[f.key] !== undefined).length;
    const names = SCHEDULE_FORMS.map((f) => `"${f.key}"`);
    if (forms !== 1) err(p, `Schedule entry "${s.id}" must give exactly one of ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]} (it gives ${forms}).`);
    for (const f of SCHEDULE_FORMS) f.check?.(s, { pointer: p, err: (pointer, message) => err(pointer, message), checkExpression: (e, pointer) => checkExpression(e, { ...top, pointer }), checkParam: (name, pointer, use) => checkParam(name, top, pointer, use) });
    if (s.from !== undefined) checkExpression(s.from, { ...top, pointer: `${p}/from` });
    if (s.interpretation) useInterpretation(s.interpretation, `${p}/interpretation`);
  });
  (pack.outcomes.scores ?? []).forEach((s, i) => {
    const p = `/outcomes/scores/${i}`;
    if (s.when) checkCondition(s.when, { ...top, pointer: `${p}/when` });
    checkExpression(s.value, { ...top, pointer: `${p}/value` });
    if (s.interpretation) useInterpretation(s.interpretation, `${p}/interpretation`);
  });

  // Cases.
  if ((pack.cases ?? []).length > LIMITS.maxCases) err('/cases', `The pack has ${pack.cases!.length} cases; the limit is ${LIMITS.maxCases}.`, undefined, 'limit.cases');
  const caseIds = new Set<string>();
  (pack.cases ?? []).forEach((c, i) => {
    const p = `/cases/${i}`;
    if (caseIds.has(c.id)) err(`${p}/id`, `Case id "${c.id}" is used twice.`);
    caseIds.add(c.id);
    checkCase(c, p);
  });

  if (!origins.size && !tableErrors.length) return errors;
  // Errors of a table's rules point at its rows (once each); a cell the table check reported is not reported again.
  const reported = new Set(tableErrors.map((e) => e.pointer.replace(/^(.*\/cells\/\d+).*$/, '$1')));
  const once = new Set<string>();
  const mapped: PackError[] = [];
  for (const e of errors) {
    const pointer = tablePointer(e.pointer, origins);
    if (pointer !== e.pointer) {
      const key = `${pointer}\u0000${e.message}`;
      if (reported.has(pointer) || once.has(key)) continue;
      once.add(key);
    }
    mapped.push({ ...e, pointer });
  }
  return [...mapped, ...tableErrors];

  function useInterpretation(id: string, pointer: string): void {
    usedInterpretations.add(id);
    if (!interpretations.has(id)) err(pointer, `Interpretation "${id}" is not declared in interpretations.`, 'Declare it with a title and a note.');
  }

  function knownFact(fact: string, scope: Scope): boolean {
    if (FACT_BY_NAME.has(fact)) return true;
    if (ix.inputFacts.has(fact) || declaredFacts.has(fact)) return true;
    if (ix.instancesById.has(fact)) return true;
    if (fact === scope.decisionId) return false;
    return false;
  }

  function checkFactRef(fact: string, params: Record<string, unknown> | undefined, scope: Scope, pointer: string): void {
    if (fact === scope.decisionId || (scope.decisionId && fact.startsWith(`${scope.decisionId}.`))) {
      err(pointer, `Decision "${scope.decisionId}" refers to itself.`, 'A decision cannot use its own value.', 'cycle');
      return;
    }
    if (ownMember(pack.decisions, fact)?.forEach === 'domain' && params?.domain !== undefined) {
      checkDomainReference(fact, params.domain, scope, pointer.replace(/\/fact$/, '/params/domain'));
      return;
    }
    if (!knownFact(fact, scope)) {
      const perDomain = ix.instancesOf.get(fact);
      const hint = perDomain && ownMember(pack.decisions, fact)?.forEach
        ? `"${fact}" is per domain: use "${fact}.<domainId>", params { "domain": "$domain" } inside a per-domain decision, or the domainCount fact.`
        : `Known facts: inputs (${[...ix.inputFacts].slice(0, 12).join(', ')}${ix.inputFacts.size > 12 ? ', ...' : ''}), decisions, and ${BUILTIN_FACTS.join(', ')}.`;
      err(pointer, `Unknown fact "${fact}".`, hint, 'reference');
      return;
    }
    const check = FACT_BY_NAME.get(fact)?.check;
    if (check) check(params ?? {}, factContext(scope), `${pointer.replace(/\/fact$/, '')}/params`);
    else if (declaredFacts.has(fact) && !ix.inputFacts.has(fact) && !ix.instancesById.has(fact)) checkPluginCall(fact, params ?? {}, scope, `${pointer.replace(/\/fact$/, '')}/params`);
  }

  /** A plugin fact's use: `$domain` only per domain; a decision it is given to read must be one it declares it reads. */
  function checkPluginCall(fact: string, params: Record<string, unknown>, scope: Scope, pointer: string): void {
    const decl = declarations.get(fact);
    for (const [k, v] of Object.entries(params)) {
      const at = `${pointer}/${escapePointer(k)}`;
      // A number given to the plugin: a declared parameter (declared, and fitting what the plugin declares it takes), or a written number that fits.
      const spec = decl?.params?.[k];
      if (isParamRef(v)) checkParam(v.param, scope, `${at}/param`, spec ? pluginParamUse(fact, k, spec) : undefined);
      else if (spec) { const problem = pluginParamValueProblem(fact, k, spec, v); if (problem) err(at, problem, `Give a number that fits, or a declared parameter: { "param": name }.`, 'extension'); }
      if (v === '$domain' && !scope.perDomain) err(at, `"$domain" is only meaningful inside a per-domain decision (forEach: "domain").`, 'Name a domain, or use the plugin fact in a per-domain decision.', 'reference');
      if (!decl?.reads) continue;
      for (const x of Array.isArray(v) ? v : [v]) {
        const d = typeof x === 'string' ? decisionOfFact(pack, x) : undefined;
        if (d !== undefined && !(decl.reads.decisions ?? []).includes(d)) {
          err(at, `Plugin fact "${fact}" is given decision "${x}" to read, but does not declare that it reads decision "${d}".`, `Add "${d}" to the reads.decisions of "${fact}" (extensions.declarations in the pack, or the plugin's declarations), so it is evaluated first.`, 'extension');
        }
      }
    }
  }

  /** A per-domain decision read by its `domain` parameter: `$domain` inside a per-domain decision, or a domain id. */
  function checkDomainReference(fact: string, domain: unknown, scope: Scope, pointer: string): void {
    if (domain === '$domain') {
      if (!scope.perDomain) err(pointer, `"$domain" is only meaningful inside a per-domain decision (forEach: "domain"); "${fact}" is read here outside one.`, `Name a domain: "${fact}.<domainId>".`, 'reference');
      return;
    }
    if (typeof domain !== 'string' || !ix.domains.some((d) => d.id === domain)) {
      err(pointer, `Decision "${fact}" is read for domain ${JSON.stringify(domain)}, which is not a domain of the framework.`, `Domains: ${ix.domains.map((d) => d.id).join(', ')}, or "$domain".`, 'reference');
    }
  }

  function checkJudgementFilters(params: Record<string, unknown>, scale: string | undefined, pointer: string): void {
    const s = scale ? ix.scales.get(scale) : undefined;
    if (!isOrdered(s)) return;
    for (const k of JUDGEMENT_FILTERS) {
      const v = params[k];
      if (v === undefined) continue;
      const list = Array.isArray(v) ? v : [v];
      if (k !== 'is' && Array.isArray(v)) err(`${pointer}/${k}`, `"${k}" takes one value, not a list.`);
      for (const x of list) if (typeof x !== 'string' || !s.values.includes(x)) err(`${pointer}/${k}`, `"${String(x)}" is not a value of scale "${scale}".`, `Values: ${s.values.join(', ')}.`);
    }
  }

  function factContext(scope: Scope): FactCheckContext {
    return { pack, index: ix, perDomain: scope.perDomain, err: (pointer, message, hint) => err(pointer, message, hint), checkJudgementFilters };
  }

  function checkCondition(c: Condition, scope: Scope): void {
    if ('all' in c) { c.all.forEach((x, i) => checkCondition(x, { ...scope, pointer: `${scope.pointer}/all/${i}` })); return; }
    if ('any' in c) { c.any.forEach((x, i) => checkCondition(x, { ...scope, pointer: `${scope.pointer}/any/${i}` })); return; }
    if ('not' in c) { checkCondition(c.not, { ...scope, pointer: `${scope.pointer}/not` }); return; }
    const leaf = c as LeafCondition;
    if (!checkLeftSide(leaf, scope)) return;
    const op = leaf.operator;
    if (!BUILTIN_OPERATORS.has(op) && !declaredOps.has(op)) {
      err(`${scope.pointer}/operator`, `Unknown operator "${op}".`, `Operators: ${[...BUILTIN_OPERATORS].join(', ')}${declaredOps.size ? `, ${[...declaredOps].join(', ')}` : ''}.`, 'reference');
    } else if (!BUILTIN_OPERATORS.has(op) && !opDeclarations.has(op)) {
      // A plugin operator must say what it compares, so its uses are checked, worded and analysed like a built-in's.
      const v = leaf.value;
      const vt = v && typeof v === 'object' && !Array.isArray(v) && typeof (v as { fact?: unknown }).fact === 'string' ? factType((v as { fact: string }).fact) : literalValueType(v);
      err(`${scope.pointer}/operator`, `Plugin operator "${op}" has no declaration: the engine cannot check what it compares.`, declarationHint(op, leaf.fact !== undefined && leaf.path === undefined ? factType(leaf.fact) : undefined, vt), 'extension');
    } else if (!BUILTIN_OPERATORS.has(op) && opDeclarations.has(op)) {
      checkOperatorUse(op, opDeclarations.get(op)!, leaf, scope.pointer, {
        factType, paramType: (name) => { const t = ownMember(pack.parameters, name)?.type; return t === undefined ? (ownMember(pack.parameters, name) ? 'number' : undefined) : t; },
        err: (pointer, message, hint) => err(pointer, message, hint, 'extension'),
      });
    }
    const v = leaf.value;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const o = v as Record<string, unknown>;
      if (typeof o.fact === 'string') checkFactRef(o.fact, o.params as Record<string, unknown> | undefined, scope, `${scope.pointer}/value/fact`);
      else if (typeof o.param === 'string') {
        // Compared as a number (less than, greater than, ...), a parameter must be a number; a date parameter fits a date operator.
        checkParam(o.param, scope, `${scope.pointer}/value/param`, NUMBER_OPERATORS.has(op) ? PARAMETER_USES.threshold : undefined);
        if (leaf.fact === 'criteriaCount') checkCountParam(o.param, leaf.params ?? {}, `${scope.pointer}/value/param`);
      } else if (isValueExpression(o)) {
        // The schema lets a condition's value be any JSON; an expression form there is held to its own schema.
        valueExpressionCheck ??= createAjv().compile({ $defs: { expression: EXPRESSION_SCHEMA }, $ref: '#/$defs/expression' });
        if (!valueExpressionCheck(o)) err(`${scope.pointer}/value/${expressionOf(o)!.key}`, `The ${expressionOf(o)!.key} expression is not well formed.`, `Write it as ${expressionOf(o)!.syntax}.`, 'schema');
        else checkExpression(o as Expression, { ...scope, pointer: `${scope.pointer}/value` });
      }
    }
    if ((op === 'in' || op === 'notIn') && !Array.isArray(v) && !(v && typeof v === 'object')) {
      err(`${scope.pointer}/value`, `Operator "${op}" needs a list of values, not ${JSON.stringify(v)}.`, 'Write the value as a list, e.g. ["Good", "Outstanding"].');
    }
    if (leaf.fact === undefined) return; // an expression's operator is checked with it (checkLeftSide)
    if (SCALE_OPERATORS.has(op)) {
      const scale = factScale(leaf.fact);
      const s = scale ? ix.scales.get(scale) : undefined;
      if (!s) err(`${scope.pointer}/operator`, `Operator "${op}" compares by scale order, but fact "${leaf.fact}" has no scale.`, 'Give the input fact an "x-scale", or use a numeric operator.');
      else if (isOrdered(s) && typeof v === 'string' && !s.values.includes(v)) err(`${scope.pointer}/value`, `"${v}" is not a value of scale "${scale}" (fact "${leaf.fact}").`, `Values: ${s.values.join(', ')}.`);
    } else if ((op === 'equal' || op === 'notEqual') && typeof v === 'string') {
      const scale = factScale(leaf.fact);
      const s = scale ? ix.scales.get(scale) : undefined;
      if (isOrdered(s) && !s.values.includes(v)) err(`${scope.pointer}/value`, `"${v}" is not a value of scale "${scale}" (fact "${leaf.fact}"), so this comparison can never hold.`, `Values: ${s.values.join(', ')}.`);
    }
  }

  /**
   * A leaf's left side: its fact, or its expression (exactly one of them). An expression is held
   * to its schema and checked as any expression is, takes no `params` or `path` (they belong to
   * a fact), and its operator must fit its kind: a number expression with number operators, a
   * date expression with date operators, never a scale operator (an expression has no scale).
   * Returns false when the leaf has both or neither, so nothing else is said of it.
   */
  function checkLeftSide(leaf: LeafCondition, scope: Scope): boolean {
    const hasFact = leaf.fact !== undefined;
    const hasExpression = leaf.expression !== undefined;
    if (hasFact === hasExpression) {
      err(scope.pointer, hasFact
        ? 'A condition compares a fact or an expression, not both: it gives both "fact" and "expression".'
        : 'A condition must say what it compares: it gives neither "fact" nor "expression".',
      'Give exactly one: "fact": "<name>", or "expression": { ... } (e.g. { "subtract": [{ "fact": "a" }, { "fact": "b" }] }).');
      return false;
    }
    if (hasFact) { checkFactRef(leaf.fact!, leaf.params, scope, `${scope.pointer}/fact`); return true; }
    const at = `${scope.pointer}/expression`;
    for (const k of ['params', 'path'] as const) {
      if (leaf[k] !== undefined) err(`${scope.pointer}/${k}`, `"${k}" belongs to a fact, but this condition compares an expression.`, `Put "${k}" on the fact inside the expression: { "fact": "<name>", "${k}": ... }.`);
    }
    const e = leaf.expression as Expression;
    if (e === null || typeof e !== 'object' || Array.isArray(e) || !expressionOf(e)) {
      err(at, `The condition's expression ${JSON.stringify(e)} is not an expression form.`, `Write a fact, a parameter or one of: ${EXPRESSIONS.map((d) => d.key).join(', ')}; to compare a fixed value, put it in "value".`, 'schema');
      return true;
    }
    checkExpression(e, { ...scope, pointer: at });
    const op = leaf.operator;
    const kind = expressionValueType(e, { factType, paramType: (name) => { const t = ownMember(pack.parameters, name)?.type; return t === undefined ? (ownMember(pack.parameters, name) ? 'number' : undefined) : t; } });
    const words = kind === 'integer' ? 'number' : kind;
    if (SCALE_OPERATORS.has(op)) {
      err(`${scope.pointer}/operator`, `Operator "${op}" compares by scale order, but an expression has no scale.`, words === 'number' ? 'Compare a number with lessThan, lessThanInclusive, greaterThan or greaterThanInclusive.' : 'Compare a scale value through a fact or a decision.');
    } else if (NUMBER_OPERATORS.has(op) && words !== undefined && words !== 'number') {
      err(`${scope.pointer}/operator`, `Operator "${op}" compares numbers, but the expression gives ${words === 'date' ? 'a date' : `a ${words}`}.`, words === 'date' ? 'Compare a date with before, after, onOrBefore or onOrAfter.' : 'Use an operator that fits the expression.');
    } else if (DATE_OPERATORS.has(op) && words !== undefined && words !== 'date') {
      err(`${scope.pointer}/operator`, `Operator "${op}" compares dates, but the expression gives ${words === 'number' ? 'a number' : `a ${words}`}.`, words === 'number' ? 'Compare a number with lessThan, lessThanInclusive, greaterThan or greaterThanInclusive.' : 'Use an operator that fits the expression.');
    }
    return true;
  }

  /** The kind of a fact's value, where the pack says: an input's type, a decision's scale, a built-in's, a plugin fact's declared returns. */
  function factType(fact: string): OperatorValueType | undefined {
    const input = ownMember(pack.inputs.properties, fact);
    if (input) {
      if (input.format === 'date') return 'date';
      if (input['x-scale'] !== undefined) return 'string';
      const t = input.type;
      return t === 'string' || t === 'number' || t === 'integer' || t === 'boolean' ? t : t === 'array' ? 'list' : undefined;
    }
    const inst = ix.instancesById.get(fact) ?? ix.instancesOf.get(fact)?.[0];
    if (inst) {
      const sc = ix.scales.get(inst.decision.scale);
      if (inst.decision.hitPolicy === 'collect') return 'list';
      return isOrdered(sc) ? 'string' : sc && 'numeric' in sc ? (sc.numeric.integer ? 'integer' : 'number') : undefined;
    }
    const builtIn = FACT_BY_NAME.get(fact);
    if (builtIn) return builtIn.valueType;
    if (declaredFacts.has(fact)) {
      const r = declarations.get(fact)?.returns;
      if (r?.scale !== undefined) return 'string';
      return r?.type;
    }
    return undefined;
  }

  /** The scale a fact's values lie on: an input's, a decision's, or the one a plugin fact declares it returns. */
  function factScale(fact: string): string | undefined {
    return scaleOfFact(ix, fact) ?? (declaredFacts.has(fact) ? declarations.get(fact)?.returns?.scale : undefined);
  }

  function checkParam(name: string, scope: Scope, pointer: string, use?: ParameterUse): void {
    if (checkParamReference(pack, ix.domains, name, scope.perDomain, pointer, err)) {
      const d = ownMember(pack.parameters, name);
      const problem = d && use ? parameterUseProblem(name, d, use) : undefined;
      if (problem) err(pointer, problem.message, problem.hint, 'parameter');
      return;
    }
    if (!scope.perDomain) { err(pointer, `{ "param": "${name}" } is only meaningful inside a per-domain decision.`); return; }
    for (const d of ix.domains) if (ownMember(d.parameters, name) === undefined) err(pointer, `Domain "${d.id}" has no parameter "${name}".`, `Add "${name}" to the parameters of domain "${d.id}".`, 'reference');
  }

  /** The values a parameter takes where it is read: each domain's (else the pack-wide one) inside a per-domain decision, else the pack-wide one. */
  function paramValues(name: string, scope: Scope): unknown[] {
    const wide = ownMember(pack.parameters, name)?.value;
    if (!scope.perDomain) return wide === undefined ? [] : [wide];
    return ix.domains.map((d) => ownMember(d.parameters, name) ?? wide);
  }

  /** A parameter compared with a count of criteria must be a whole number from 0 to the criteria counted. */
  function checkCountParam(name: string, params: Record<string, unknown>, pointer: string): void {
    for (const d of ix.domains) {
      const v = ownMember(d.parameters, name);
      if (v === undefined) continue;
      const counted = criteriaCounted(pack, params, d.id);
      if (typeof v !== 'number' || !Number.isInteger(v) || v < 0 || v > counted) {
        const di = ix.domains.indexOf(d);
        err(`/framework/domains/${di}/parameters/${escapePointer(name)}`, `Parameter "${name}" of domain "${d.id}" is ${JSON.stringify(v)}, but it is compared with a count of ${counted} criteria (${pointer}).`, `Use a whole number from 0 to ${counted}.`, 'parameter');
      }
    }
  }

  function checkExpression(e: Expression, scope: Scope, onScale?: (value: unknown, pointer: string) => void): void {
    if (e === null || typeof e !== 'object') { onScale?.(e, scope.pointer); return; }
    const form = expressionOf(e);
    if (!form) return;
    const at = (key: string): Scope => ({ ...scope, pointer: `${scope.pointer}/${key}` });
    form.check(e as Record<string, unknown>, {
      pointer: scope.pointer,
      err,
      checkFactRef: (fact, params, pointer) => checkFactRef(fact, params, scope, pointer),
      checkParam: (name, pointer, use) => checkParam(name, scope, pointer, use),
      paramValues: (name) => paramValues(name, scope),
      scaleValues: (id) => { const sc = ix.scales.get(id); return isOrdered(sc) ? sc.values : undefined; },
      mappingTo: (id) => ownMember(pack.mappings, id)?.to,
      mappingIds: () => Object.keys(pack.mappings ?? {}),
      sub: (x, key) => checkExpression(x, at(key), onScale),
      plain: (x, key) => checkExpression(x, at(key)),
      ...(onScale ? { onScale } : {}),
    });
  }

  function checkOutput(e: Expression, d: Decision, scope: Scope): void {
    const scale = ix.scales.get(d.scale);
    checkExpression(e, scope, (value, pointer) => {
      if (value === null && d.hitPolicy === 'collect') return; // a collect decision's null fallback is the empty list
      if (value && typeof value === 'object' && '__mappingTo' in value) {
        const to = (value as { __mappingTo: string }).__mappingTo;
        if (to !== d.scale) err(pointer, `The mapping gives values on scale "${to}" but decision "${scope.decisionId}" is on scale "${d.scale}".`);
        return;
      }
      if (isOrdered(scale)) {
        if (typeof value !== 'string' || !scale.values.includes(value)) err(pointer, `Output ${JSON.stringify(value)} is not on the scale "${d.scale}" of decision "${scope.decisionId}".`, `Values: ${scale.values.join(', ')}.`, 'scale');
      } else if (scale && 'numeric' in scale) {
        if (typeof value !== 'number' || value < scale.numeric.min || value > scale.numeric.max || (scale.numeric.integer && !Number.isInteger(value))) {
          err(pointer, `Output ${JSON.stringify(value)} is not on the numeric scale "${d.scale}" (${scale.numeric.min}..${scale.numeric.max}${scale.numeric.integer ? ', whole numbers' : ''}).`, undefined, 'scale');
        }
      }
    });
  }

  function checkCase(c: PackCase, p: string): void {
    const input = c.input as unknown as Record<string, unknown>;
    if (typeof input.date !== 'string') err(`${p}/input/date`, `Case "${c.id}" input has no date.`, 'Give the assessment date as YYYY-MM-DD.');
    for (const k of Object.keys(input)) if (!ASSESSMENT_KEYS.includes(k)) err(`${p}/input/${escapePointer(k)}`, `Case "${c.id}" input has an unknown key "${k}".`, `An assessment has ${ASSESSMENT_KEYS.join(', ')}.`);
    for (const k of Object.keys(c.input.decisions ?? {})) {
      const d = ownMember(pack.decisions, k);
      if (!d || !takesRecordedDecision(d)) err(`${p}/input/decisions/${escapePointer(k)}`, `Case "${c.id}" records a decision for "${k}", which is not a decision a person takes or an officer may override.`, 'Record decisions only for decisions that declare decidedBy or override.');
    }
    for (const f of Object.keys(c.input.facts ?? {})) if (!ix.inputFacts.has(f)) err(`${p}/input/facts/${escapePointer(f)}`, `Case "${c.id}" uses fact "${f}", which is not among the pack's inputs.`, 'Declare it under inputs.properties or remove it.');
    for (const [cid, j] of Object.entries(c.input.judgements ?? {})) {
      const crit = ix.criteriaById.get(cid);
      if (!crit) err(`${p}/input/judgements/${escapePointer(cid)}`, `Case "${c.id}" judges unknown criterion "${cid}".`);
      else if (!crit.allowed.includes(j)) err(`${p}/input/judgements/${escapePointer(cid)}`, `Case "${c.id}" judges "${cid}" as "${j}", which that criterion cannot take.`, `Allowed: ${crit.allowed.join(', ')}.`);
    }
    if (c.fillJudgements !== undefined) {
      const fills = typeof c.fillJudgements === 'string' ? { '*': c.fillJudgements } : c.fillJudgements;
      for (const [dom, j] of Object.entries(fills)) {
        if (dom !== '*' && !ix.domains.some((d) => d.id === dom)) err(`${p}/fillJudgements/${escapePointer(dom)}`, `Unknown domain "${dom}".`);
        const js = ix.judgementScale ? ix.scales.get(ix.judgementScale) : undefined;
        if (!isOrdered(js) || !js.values.includes(j)) err(`${p}/fillJudgements/${escapePointer(dom)}`, `"${j}" is not a judgement.`);
      }
    }
    const w = c.want;
    if (!w && c.wantError === undefined) err(p, `Case "${c.id}" expects nothing.`, 'Give "want" or "wantError".');
    if (!w) return;
    for (const k of Object.keys(w.decisions ?? {})) if (!ix.instancesById.has(k)) err(`${p}/want/decisions/${escapePointer(k)}`, `Case "${c.id}" expects unknown decision "${k}".`);
    const known = (list: (string | { id: string })[] | string[] | undefined, set: Set<string>, key: string): void => (list ?? []).forEach((a, i) => {
      const id = typeof a === 'string' ? a : a.id;
      if (!set.has(id)) err(`${p}/want/${key}/${i}`, `Case "${c.id}" expects unknown ${key === 'schedule' || key === 'noSchedule' ? 'schedule entry' : key === 'warnings' || key === 'noWarnings' ? 'warning' : 'action'} "${id}".`);
    });
    known(w.actions, actionIds, 'actions');
    known(w.noActions, actionIds, 'noActions');
    known(w.schedule, scheduleIds, 'schedule');
    known(w.noSchedule, scheduleIds, 'noSchedule');
    known(w.warnings, warningIds, 'warnings');
    known(w.noWarnings, warningIds, 'noWarnings');
    for (const k of Object.keys(w.scores ?? {})) if (!scoreIds.has(k)) err(`${p}/want/scores/${escapePointer(k)}`, `Case "${c.id}" expects unknown score "${k}".`);
    (w.interpretations ?? []).forEach((id, i) => { if (!interpretations.has(id)) err(`${p}/want/interpretations/${i}`, `Case "${c.id}" expects unknown interpretation "${id}".`); });
  }
}

/** Calls `fn` for every citation object (`source`, `x-source`) anywhere in the pack. */
function walkCitations(v: unknown, pointer: string, fn: (c: { doc: string; section: string }, pointer: string) => void): void {
  if (v === null || typeof v !== 'object') return;
  if (Array.isArray(v)) { v.forEach((x, i) => walkCitations(x, `${pointer}/${i}`, fn)); return; }
  for (const [k, x] of Object.entries(v)) {
    const p = `${pointer}/${escapePointer(k)}`;
    if ((k === 'source' || k === 'x-source') && x && typeof x === 'object' && typeof (x as { doc?: unknown }).doc === 'string') fn(x as { doc: string; section: string }, p);
    else if (k !== 'cases') walkCitations(x, p, fn);
  }
  if (pointer === '') {
    const cases = (v as { cases?: unknown[] }).cases;
    cases?.forEach((c, i) => { const s = (c as { source?: { doc: string; section: string } }).source; if (s) fn(s, `/cases/${i}/source`); });
  }
}
