import type { Criterion, Decision, Domain, OrderedScale, Pack, Scale } from '../types.js';

/** A criterion with its place in the framework and its allowed judgements. */
export interface IndexedCriterion {
  index: number;
  criterion: Criterion;
  domain: Domain;
  domainIndex: number;
  standardId: string;
  flags: ReadonlySet<string>;
  allowed: string[];
}

/** One evaluated instance of a decision: the decision itself, or one per domain. */
export interface DecisionInstance {
  /** `overallRating` or `domainRating.safeguarding`. */
  id: string;
  decisionId: string;
  decision: Decision;
  domain?: Domain;
  domainIndex: number;
}

/** Lookup tables over a pack, shared by the meaning checks, the compiler and the analyser. */
export interface PackIndex {
  pack: Pack;
  scales: Map<string, Scale>;
  /** Value -> rank per ordered scale. */
  ranks: Map<string, Map<string, number>>;
  criteria: IndexedCriterion[];
  criteriaById: Map<string, IndexedCriterion>;
  domains: Domain[];
  instances: DecisionInstance[];
  instancesById: Map<string, DecisionInstance>;
  /** Instances of each decision id, in domain order. */
  instancesOf: Map<string, DecisionInstance[]>;
  inputFacts: Set<string>;
  judgementScale?: string;
}

/** True when a scale is an ordered value set rather than numeric. */
export function isOrdered(scale: Scale | undefined): scale is OrderedScale {
  return !!scale && Array.isArray((scale as OrderedScale).values);
}

/** Judgements a criterion may take: its own list, else the default widened by its flags. */
export function allowedJudgements(pack: Pack, c: Criterion): string[] {
  const fw = pack.framework;
  if (!fw) return [];
  if (c.judgements) return c.judgements;
  const set = new Set(fw.judgements.default);
  for (const f of c.flags ?? []) for (const j of fw.judgements.byFlag?.[f] ?? []) set.add(j);
  const scale = pack.scales[fw.judgements.scale];
  const order = isOrdered(scale) ? scale.values : [...set];
  return order.filter((v) => set.has(v));
}

/** Builds the lookup tables of a pack (which need not be valid: missing parts are skipped). */
export function indexPack(pack: Pack): PackIndex {
  const scales = new Map<string, Scale>(Object.entries(pack.scales ?? {}));
  const ranks = new Map<string, Map<string, number>>();
  for (const [id, s] of scales) if (isOrdered(s)) ranks.set(id, new Map(s.values.map((v, i) => [v, i])));
  const criteria: IndexedCriterion[] = [];
  const domains = pack.framework?.domains ?? [];
  domains.forEach((domain, domainIndex) => {
    for (const standard of domain.standards ?? []) {
      for (const criterion of standard.criteria ?? []) {
        criteria.push({
          index: criteria.length, criterion, domain, domainIndex, standardId: standard.id,
          flags: new Set(criterion.flags ?? []), allowed: allowedJudgements(pack, criterion),
        });
      }
    }
  });
  const instances: DecisionInstance[] = [];
  const instancesOf = new Map<string, DecisionInstance[]>();
  for (const [decisionId, decision] of Object.entries(pack.decisions ?? {})) {
    const list: DecisionInstance[] = [];
    if (decision.forEach === 'domain') {
      domains.forEach((domain, domainIndex) => list.push({ id: `${decisionId}.${domain.id}`, decisionId, decision, domain, domainIndex }));
    } else {
      list.push({ id: decisionId, decisionId, decision, domainIndex: -1 });
    }
    instancesOf.set(decisionId, list);
    instances.push(...list);
  }
  return {
    pack, scales, ranks, criteria,
    criteriaById: new Map(criteria.map((c) => [c.criterion.id, c])),
    domains, instances,
    instancesById: new Map(instances.map((i) => [i.id, i])),
    instancesOf,
    inputFacts: new Set(Object.keys(pack.inputs?.properties ?? {})),
    judgementScale: pack.framework?.judgements.scale,
  };
}

/** The scale a fact's values lie on, if it has one (inputs with x-scale, decisions, judgements). */
export function scaleOfFact(index: PackIndex, fact: string): string | undefined {
  if (fact === 'judgement') return index.judgementScale;
  const inst = index.instancesById.get(fact) ?? index.instancesOf.get(fact)?.[0];
  if (inst) return inst.decision.scale;
  return index.pack.inputs?.properties?.[fact]?.['x-scale'];
}
