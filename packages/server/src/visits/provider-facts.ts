import type { Provider } from '../providers/provider-record.js';

/** A pack's input fact as its inputs schema declares it (only what prefilling needs). */
interface DeclaredFact {
  type?: string;
  enum?: unknown[];
}

/** The provider record's values, by the fact name a pack would give each. */
function providerValues(provider: Provider): Record<string, unknown> {
  return {
    ...(provider.serviceType !== null ? { serviceType: provider.serviceType } : {}),
    ...(provider.cqcLocationId !== null ? { cqcLocationId: provider.cqcLocationId } : {}),
    ...provider.size,
    ...provider.facts,
  };
}

function fits(declared: DeclaredFact, value: unknown): boolean {
  if (declared.enum && !declared.enum.some((allowed) => allowed === value)) return false;
  if (declared.type === 'string') return typeof value === 'string';
  if (declared.type === 'integer') return Number.isInteger(value);
  if (declared.type === 'number') return typeof value === 'number';
  return true;
}

/**
 * The facts a visit can take from the provider record (service type, CQC location id, each
 * size the record keeps, e.g. `beds`, and its other facts, e.g. `cqcRating`): those the pack declares as inputs under the same name and
 * whose value the pack accepts. The officer confirms or corrects them in the draft.
 * @example factsFromProvider(pack.inputs, provider) // { serviceType: 'Home Support' }
 */
export function factsFromProvider(inputs: unknown, provider: Provider): Record<string, unknown> {
  const declared = (inputs as { properties?: Record<string, DeclaredFact> } | undefined)?.properties ?? {};
  return Object.fromEntries(
    Object.entries(providerValues(provider)).filter(([name, value]) => Object.hasOwn(declared, name) && fits(declared[name]!, value)),
  );
}
