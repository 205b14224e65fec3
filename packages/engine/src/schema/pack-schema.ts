import { OperatorDeclarationSchema } from '../language/plugin-operator.js';
import type { TSchema } from '@sinclair/typebox';
import { LimitSchema } from '../language/limits.js';
import { PluginDeclarationSchema } from '../language/plugin-declaration.js';
import { EXPRESSION_SCHEMA } from '../language/registry.js';
import { OffsetSchema } from '../language/timing/due.js';
import { DecidedBySchema, OverrideSchema } from '../language/human-decision.js';
import { DecisionTableSchema, TableCellSchema, TableColumnSchema, TableRowSchema } from '../language/decision-table.js';
import { CitationSchema, DateSchema, IdSchema } from './shapes/citation.js';
import { ScaleSchema } from './shapes/scale.js';
import { FrameworkSchema } from './shapes/framework.js';
import { InputFactSchemaSchema } from './shapes/inputs.js';
import { ConditionSchema } from './shapes/condition.js';
import { RuleSchema } from './shapes/rule.js';
import { DecisionSchema } from './shapes/decision.js';
import { ActionSchema } from './shapes/action.js';
import { WarningSchema } from './shapes/warning.js';
import { ScheduleEntrySchema } from './shapes/schedule-entry.js';
import { ScoreDefinitionSchema } from './shapes/score.js';
import { PackCaseSchema } from './shapes/case.js';
import { PackSchema } from './shapes/pack.js';

/**
 * The published JSON Schema (draft 2020-12) of an OpenQAF pack, assembled from the TypeBox
 * declarations of `shapes/` and `language/`, from which `types.ts` takes its types too.
 *
 * The build writes it to `dist/schema/pack.schema.json` (export
 * `@openqaf/engine/schema/pack.schema.json`); `docs/pack-schema-reference.md` is generated from it.
 * Meaning checks the schema cannot express live in `meaning-checks.ts`.
 */
/** The published schema's shape: the pack's members and the `$defs` they refer to. */
export interface PublishedPackSchema {
  $schema: string;
  $id: string;
  title?: string;
  description?: string;
  type: 'object';
  properties: Record<string, TSchema>;
  required?: string[];
  $defs: Record<string, TSchema>;
  [keyword: string]: unknown;
}

export const packSchema: PublishedPackSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://openqaf.org/schema/pack.schema.json',
  ...PackSchema,
  $defs: {
    date: DateSchema,
    citation: CitationSchema,
    scale: ScaleSchema,
    framework: FrameworkSchema,
    id: IdSchema,
    inputFact: InputFactSchemaSchema,
    condition: ConditionSchema,
    expression: EXPRESSION_SCHEMA,
    rule: RuleSchema,
    decision: DecisionSchema,
    decidedBy: DecidedBySchema,
    override: OverrideSchema,
    decisionTable: DecisionTableSchema,
    limit: LimitSchema,
    pluginDeclaration: PluginDeclarationSchema,
    operatorDeclaration: OperatorDeclarationSchema,
    tableColumn: TableColumnSchema,
    tableRow: TableRowSchema,
    tableCell: TableCellSchema,
    offset: OffsetSchema,
    action: ActionSchema,
    warning: WarningSchema,
    scheduleEntry: ScheduleEntrySchema,
    score: ScoreDefinitionSchema,
    case: PackCaseSchema,
  },
};
