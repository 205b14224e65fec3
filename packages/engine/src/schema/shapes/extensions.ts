import { Type, type Static } from '@sinclair/typebox';
import type { PluginDeclaration } from '../../language/plugin-declaration.js';
import type { OperatorDeclaration } from '../../language/plugin-operator.js';
import { MapOf, ref } from './refs.js';

/** `extensions`: custom operators and facts a council plugin contributes; the pack names what it uses. */
export const ExtensionDeclarationsSchema = Type.Object({
  operators: Type.Optional(Type.Array(Type.String())),
  facts: Type.Optional(Type.Array(Type.String())),
  /** Per plugin fact: the inputs and decisions it reads and the values it can return (`language/plugin-declaration.ts`); overrides the plugin's own. */
  declarations: Type.Optional(MapOf(ref<PluginDeclaration>('pluginDeclaration'), { description: 'Per plugin fact: what it reads and returns.' })),
  /** Per plugin operator: the fact values it compares, the value it takes, its words and where its verdict changes (`language/plugin-operator.ts`); overrides the plugin's own. */
  operatorDeclarations: Type.Optional(MapOf(ref<OperatorDeclaration>('operatorDeclaration'), { description: 'Per plugin operator: what it compares, the value it takes, its words, where its verdict changes.' })),
}, { additionalProperties: false });
export type ExtensionDeclarations = Static<typeof ExtensionDeclarationsSchema>;
