import { Type, type Static } from '@sinclair/typebox';
import type { PluginDeclaration } from '../../language/plugin-declaration.js';
import type { OperatorDeclaration } from '../../language/plugin-operator.js';
import type { Pack } from './pack.js';
import { MapOf, ref } from './refs.js';

/** `extensions`: custom operators and facts a council plugin contributes; the pack names what it uses. */
export const ExtensionDeclarationsSchema = Type.Object({
  operators: Type.Optional(Type.Array(Type.String())),
  facts: Type.Optional(Type.Array(Type.String())),
  /** Per plugin fact: the inputs and decisions it reads and the values it can return (`language/plugin-declaration.ts`); overrides the plugin's own. */
  declarations: Type.Optional(MapOf(ref<PluginDeclaration>('pluginDeclaration'), { description: 'Per plugin fact: what it reads and returns.' })),
  /** Per plugin operator: the fact values it compares, the value it takes, its words and where its verdict changes (`language/plugin-operator.ts`); overrides the plugin's own. */
  operatorDeclarations: Type.Optional(MapOf(ref<OperatorDeclaration>('operatorDeclaration'), { description: 'Per plugin operator: what it compares, the value it takes, its words, where its verdict changes. Every plugin operator the pack uses must be declared, here or by the plugin.' })),
}, { additionalProperties: false });
export type ExtensionDeclarations = Static<typeof ExtensionDeclarationsSchema>;

// What a council plugin package contributes at run time. Functions have no JSON Schema, so these
// stay TypeScript types, beside the declarations (`extensions` above, `PluginDeclaration`) that
// name them in a pack.

/** A custom operator: `(factValue, conditionValue) => boolean`. */
export type CustomOperator = (factValue: unknown, value: unknown) => boolean;
/** A custom fact: computed from params and the evaluation's facts. */
export type CustomFact = (params: Record<string, unknown>, facts: Readonly<Record<string, unknown>>) => unknown;

/** What a council plugin package contributes. */
export interface Extensions {
  operators?: Record<string, CustomOperator>;
  facts?: Record<string, CustomFact>;
  /** Per plugin fact: what it reads and returns, so ordering, validation and analysis treat it like a built-in. */
  declarations?: Record<string, PluginDeclaration>;
  /** Per plugin operator: what it compares, the value it takes, its words and where its verdict changes, so validation checks its uses, explanations word it and the analyser partitions on it. */
  operatorDeclarations?: Record<string, OperatorDeclaration>;
}

/** A council plugin: the default export of `@openqaf/councils-<slug>`. */
export interface CouncilPlugin {
  id: string;
  name: string;
  pack: Pack;
  extensions?: Extensions;
}
