import type { CompiledFact, CompileScope } from '../compile/compile-fact.js';
import type { PackIndex } from '../compile/pack-index.js';
import type { Pack } from '../types.js';
import type { OperatorValueType } from './plugin-operator.js';

/** What an input space reads, gathered from a decision's rules (built-in facts add to it through their `analyse` hook). */
export interface FactRefs {
  facts: Map<string, { literals: unknown[] }>;
  criteriaFilters: Record<string, unknown>[];
  judgementCriteria: Set<string>;
  domainCountDecisions: Set<string>;
  instances: Set<string>;
  /** True when an expression takes the most recent of dated sources (it reads asOf). */
  mostRecent: boolean;
  /** Numbers read only to be put in bands: each fact's (or decision's) thresholds, partitioned exhaustively. */
  partitions: Map<string, Set<number>>;
  /** The numbers each plain fact is compared with by a number operator (`lessThan`, `equal`, ...): more thresholds of a partition. */
  numberComparisons: Map<string, Set<number>>;
  /** Plain facts read some other way than a band or a number comparison (those cannot be partitioned). */
  otherReads: Set<string>;
}

/** What a built-in fact's meaning check can use: the pack, where it is, and how to report. */
export interface FactCheckContext {
  pack: Pack;
  index: PackIndex;
  /** True inside a per-domain decision (`forEach: "domain"`), where `$domain` means its domain. */
  perDomain: boolean;
  /** Reports a meaning error at a JSON pointer, with a hint. */
  err: (pointer: string, message: string, hint?: string) => void;
  /** Checks `is`/`atLeast`/`atMost`/`above`/`below` against an ordered scale. */
  checkJudgementFilters: (params: Record<string, unknown>, scale: string | undefined, pointer: string) => void;
}

/**
 * One built-in fact of the pack language (`criteriaCount`, `assessmentDate`, ...): its
 * parameters, docs row, meaning check, compile function and analyser hook. Input facts,
 * decision values and plugin facts are named by the pack, not here.
 */
export interface FactDefinition {
  /** The name packs write in `fact`. */
  readonly name: string;
  /** The parameters it takes, in the order hints list them. */
  readonly params: readonly string[];
  /** The kind of value it gives, for checking a plugin operator's use on it (`language/plugin-operator.ts`). */
  readonly valueType: OperatorValueType;
  /** True for counts, explained as "needs at least 12 ...; 10 were". */
  readonly count?: boolean;
  /** One sentence for the fact table in docs/pack-schema-reference.md. */
  readonly doc: string;
  /** Checks its parameters; `pointer` is the reference's `params`. */
  readonly check?: (params: Record<string, unknown>, ctx: FactCheckContext, pointer: string) => void;
  /**
   * A reference to it in words for an editor, without the pack's index ("the number of mandatory
   * criteria judged Not met"); `value` words a parameter's value, `name` an id.
   */
  readonly words?: (params: Record<string, unknown>, w: FactWordsHelpers) => string;
  /** Compiles a reference to it (parameters already resolved) into a reader with a plain-words label. */
  readonly compile: (params: Record<string, unknown>, scope: CompileScope) => CompiledFact;
  /**
   * Notes what the analyser must vary for a reference to it; without a hook the fact is a
   * dimension of its own, sampled by its name (dates, numbers).
   */
  readonly analyse?: (params: Record<string, unknown>, refs: FactRefs, domainId: string | undefined) => void;
}

/**
 * How a fact's words word what they hold: a value, an id (in the caller's style), a domain by
 * the framework's title ("Safeguarding and safety") and a flag by the framework's label
 * ("Mandatory"); without them, a domain or a flag reads as its id.
 */
export interface FactWordsHelpers {
  value: (v: unknown) => string;
  name: (id: string) => string;
  domain?: (id: string) => string;
  flag?: (id: string) => string;
}
