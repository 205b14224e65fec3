import { LimitSchema } from '../language/limits.js';
import { PluginDeclarationSchema } from '../language/plugin-declaration.js';
import { EXPRESSION_SCHEMA, SCHEDULE_FORMS } from '../language/registry.js';
import { OffsetSchema } from '../language/timing/due.js';
import { ParametersSchema } from '../language/parameters/parameter-declaration.js';
import { DecidedBySchema, OverrideSchema } from '../language/human-decision.js';
import { DecisionTableSchema, TableCellSchema, TableColumnSchema, TableRowSchema } from '../language/decision-table.js';

/**
 * The published JSON Schema (draft 2020-12) of an OpenQAF pack.
 *
 * The build writes it to `dist/schema/pack.schema.json` (export
 * `@openqaf/engine/schema/pack.schema.json`); `docs/pack-schema-reference.md` is generated from it.
 * Meaning checks the schema cannot express live in `meaning-checks.ts`.
 */
export const packSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://openqaf.org/schema/pack.schema.json',
  title: 'OpenQAF rule pack',
  description: "One council's quality assurance framework as data: scales, framework, inputs, decisions, outcomes, interpretations and cases.",
  type: 'object',
  required: ['metadata', 'sources', 'scales', 'inputs', 'decisions', 'outcomes'],
  additionalProperties: false,
  properties: {
    $schema: { type: 'string', description: 'Optional link to this schema.' },
    metadata: {
      type: 'object',
      description: 'Who the pack is for and which version it is.',
      required: ['id', 'council', 'title', 'version', 'effectiveFrom', 'documents'],
      additionalProperties: false,
      properties: {
        id: { type: 'string', pattern: '^[a-z][a-z0-9-]{1,62}$', description: 'Council slug, e.g. "birmingham".' },
        council: { type: 'string', minLength: 1, description: 'The council\'s name.' },
        title: { type: 'string', minLength: 1, description: 'The framework\'s title.' },
        version: { type: 'string', pattern: '^\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$', description: 'Semantic version of this pack.' },
        effectiveFrom: { $ref: '#/$defs/date', description: 'Date the framework takes effect.' },
        documents: { type: 'array', items: { type: 'string' }, minItems: 1, description: 'Ids of the sources this pack encodes.' },
        description: { type: 'string' },
      },
    },
    sources: {
      type: 'object',
      description: 'The documents the pack encodes, by id, with their sections.',
      minProperties: 1,
      additionalProperties: {
        type: 'object',
        required: ['title', 'sections'],
        additionalProperties: false,
        properties: {
          title: { type: 'string' },
          publisher: { type: 'string' },
          date: { type: 'string' },
          file: { type: 'string' },
          sections: { type: 'object', minProperties: 1, additionalProperties: { type: 'string' }, description: 'Section number -> heading.' },
        },
      },
    },
    scales: {
      type: 'object',
      description: 'Ordered value sets (lowest first) or numeric ranges.',
      minProperties: 1,
      additionalProperties: { $ref: '#/$defs/scale' },
    },
    mappings: {
      type: 'object',
      description: 'Total tables from one scale to another.',
      additionalProperties: {
        type: 'object',
        required: ['from', 'to', 'table', 'source'],
        additionalProperties: false,
        properties: {
          label: { type: 'string' },
          from: { type: 'string' },
          to: { type: 'string' },
          table: { type: 'object', additionalProperties: { type: 'string' } },
          source: { $ref: '#/$defs/citation' },
        },
      },
    },
    framework: { $ref: '#/$defs/framework' },
    inputs: {
      type: 'object',
      description: 'JSON Schema of the assessment\'s facts: one property per named fact.',
      required: ['type', 'properties'],
      properties: {
        type: { const: 'object' },
        properties: { type: 'object', additionalProperties: { $ref: '#/$defs/inputFact' } },
        required: { type: 'array', items: { type: 'string' } },
        additionalProperties: { type: 'boolean' },
      },
    },
    decisions: {
      type: 'object',
      description: 'Named outputs, each on a scale with a hit policy.',
      minProperties: 1,
      propertyNames: { pattern: '^[A-Za-z][A-Za-z0-9_-]*$' },
      additionalProperties: { $ref: '#/$defs/decision' },
    },
    outcomes: {
      type: 'object',
      required: ['headline'],
      additionalProperties: false,
      properties: {
        headline: { type: 'string', description: 'The decision shown as the headline.' },
        actions: { type: 'array', items: { $ref: '#/$defs/action' } },
        schedule: { type: 'array', items: { $ref: '#/$defs/scheduleEntry' } },
        scores: { type: 'array', items: { $ref: '#/$defs/score' } },
      },
    },
    interpretations: {
      type: 'object',
      description: 'Decisions the pack takes where the documents are silent or ambiguous.',
      additionalProperties: {
        type: 'object',
        required: ['title', 'note'],
        additionalProperties: false,
        properties: { title: { type: 'string' }, note: { type: 'string' }, source: { $ref: '#/$defs/citation' } },
      },
    },
    extensions: {
      type: 'object',
      additionalProperties: false,
      properties: {
        operators: { type: 'array', items: { type: 'string' } },
        facts: { type: 'array', items: { type: 'string' } },
        declarations: { type: 'object', additionalProperties: { $ref: '#/$defs/pluginDeclaration' }, description: 'Per plugin fact: what it reads and returns.' },
      },
    },
    cases: { type: 'array', items: { $ref: '#/$defs/case' } },
    parameters: ParametersSchema,
  },
  $defs: {
    date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$', format: 'date' },
    citation: {
      type: 'object',
      description: 'A document id from `sources` and one of its sections.',
      required: ['doc', 'section'],
      additionalProperties: false,
      properties: { doc: { type: 'string' }, section: { type: 'string' }, quote: { type: 'string' } },
    },
    scale: {
      oneOf: [
        {
          type: 'object',
          required: ['label', 'values'],
          additionalProperties: false,
          properties: {
            label: { type: 'string' },
            values: { type: 'array', items: { type: 'string' }, minItems: 1, uniqueItems: true },
            descriptions: { type: 'object', additionalProperties: { type: 'string' } },
            points: { type: 'object', additionalProperties: { type: 'number' }, description: 'Points each value scores, read by criteriaPoints: every value, or none.' },
            source: { $ref: '#/$defs/citation' },
          },
        },
        {
          type: 'object',
          required: ['label', 'numeric'],
          additionalProperties: false,
          properties: {
            label: { type: 'string' },
            numeric: {
              type: 'object',
              required: ['min', 'max'],
              additionalProperties: false,
              properties: { min: { type: 'number' }, max: { type: 'number' }, integer: { type: 'boolean' } },
            },
            source: { $ref: '#/$defs/citation' },
          },
        },
      ],
    },
    framework: {
      type: 'object',
      required: ['judgements', 'domains'],
      additionalProperties: false,
      properties: {
        labels: {
          type: 'object',
          additionalProperties: false,
          properties: { domain: { type: 'string' }, standard: { type: 'string' }, criterion: { type: 'string' } },
        },
        judgements: {
          type: 'object',
          required: ['scale', 'default'],
          additionalProperties: false,
          properties: {
            scale: { type: 'string' },
            default: { type: 'array', items: { type: 'string' }, minItems: 1 },
            byFlag: { type: 'object', additionalProperties: { type: 'array', items: { type: 'string' } } },
            required: { type: 'boolean' },
          },
        },
        flags: {
          type: 'object',
          additionalProperties: {
            type: 'object',
            required: ['label'],
            additionalProperties: false,
            properties: { label: { type: 'string' }, description: { type: 'string' }, source: { $ref: '#/$defs/citation' }, interpretation: { type: 'string' } },
          },
        },
        interpretations: { type: 'array', items: { type: 'string' }, description: 'Interpretations the framework\'s structure relies on.' },
        tags: { type: 'object', additionalProperties: { type: 'string' } },
        domains: {
          type: 'array',
          minItems: 1,
          items: {
            type: 'object',
            required: ['id', 'title', 'standards'],
            additionalProperties: false,
            properties: {
              id: { $ref: '#/$defs/id' },
              title: { type: 'string' },
              description: { type: 'string' },
              parameters: { type: 'object', additionalProperties: { type: ['number', 'string'] } },
              source: { $ref: '#/$defs/citation' },
              interpretation: { type: 'string' },
              standards: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'title', 'criteria'],
                  additionalProperties: false,
                  properties: {
                    id: { $ref: '#/$defs/id' },
                    title: { type: 'string' },
                    description: { type: 'string' },
                    source: { $ref: '#/$defs/citation' },
                    interpretation: { type: 'string' },
                    criteria: {
                      type: 'array',
                      items: {
                        type: 'object',
                        required: ['id', 'title'],
                        additionalProperties: false,
                        properties: {
                          id: { $ref: '#/$defs/id' },
                          title: { type: 'string' },
                          flags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
                          tags: { type: 'array', items: { type: 'string' }, uniqueItems: true },
                          judgements: { type: 'array', items: { type: 'string' }, minItems: 1 },
                          placeholder: { type: 'boolean' },
                          weight: { type: 'number', description: 'The criterion\'s weight in criteriaPoints and weightedCount (1 unless given).' },
                          description: { type: 'string' },
                          interpretation: { type: 'string' },
                        },
                      },
                    },
                  },
                },
              },
            },
          },
        },
        source: { $ref: '#/$defs/citation' },
      },
    },
    id: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9_.-]*$' },
    inputFact: {
      type: 'object',
      description: 'JSON Schema of one fact; `x-scale` puts its values on a scale.',
      properties: {
        'x-scale': { type: 'string' },
        'x-source': { $ref: '#/$defs/citation' },
        description: { type: 'string' },
      },
    },
    condition: {
      description: 'A json-rules-engine condition: all / any / not, or a leaf.',
      oneOf: [
        {
          type: 'object', required: ['all'], additionalProperties: false,
          properties: { all: { type: 'array', items: { $ref: '#/$defs/condition' } }, label: { type: 'string' } },
        },
        {
          type: 'object', required: ['any'], additionalProperties: false,
          properties: { any: { type: 'array', items: { $ref: '#/$defs/condition' } }, label: { type: 'string' } },
        },
        {
          type: 'object', required: ['not'], additionalProperties: false,
          properties: { not: { $ref: '#/$defs/condition' }, label: { type: 'string' } },
        },
        {
          type: 'object', required: ['fact', 'operator', 'value'], additionalProperties: false,
          properties: {
            fact: { type: 'string' },
            operator: { type: 'string' },
            value: true,
            params: { type: 'object' },
            path: { type: 'string' },
            label: { type: 'string' },
          },
        },
      ],
    },
    expression: EXPRESSION_SCHEMA,
    rule: {
      type: 'object',
      required: ['id', 'when', 'output', 'source'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        label: { type: 'string' },
        priority: { type: 'number' },
        when: { $ref: '#/$defs/condition' },
        output: { $ref: '#/$defs/expression' },
        source: { $ref: '#/$defs/citation' },
        interpretation: { type: 'string' },
      },
    },
    decision: {
      type: 'object',
      required: ['label', 'scale', 'hitPolicy'],
      // `rules` may be left out when the decision is written as a `table`.
      if: { properties: { table: false } },
      then: { properties: { rules: true }, required: ['rules'] },
      additionalProperties: false,
      properties: {
        label: { type: 'string' },
        description: { type: 'string' },
        scale: { type: 'string' },
        hitPolicy: { enum: ['first', 'max', 'min', 'collect', 'unique'] },
        forEach: { const: 'domain' },
        rules: { type: 'array', items: { $ref: '#/$defs/rule' } },
        table: { $ref: '#/$defs/decisionTable' },
        limits: { type: 'array', items: { $ref: '#/$defs/limit' }, description: 'Limiters applied after the hit policy (`language/limits.ts`).' },
        fallback: {
          type: 'object',
          required: ['output'],
          additionalProperties: false,
          properties: {
            output: { $ref: '#/$defs/expression' },
            source: { $ref: '#/$defs/citation' },
            interpretation: { type: 'string' },
            label: { type: 'string' },
          },
        },
        source: { $ref: '#/$defs/citation' },
        decidedBy: { $ref: '#/$defs/decidedBy' },
        override: { $ref: '#/$defs/override' },
      },
    },
    decidedBy: DecidedBySchema,
    override: OverrideSchema,
    decisionTable: DecisionTableSchema,
    limit: LimitSchema,
    pluginDeclaration: PluginDeclarationSchema,
    tableColumn: TableColumnSchema,
    tableRow: TableRowSchema,
    tableCell: TableCellSchema,
    offset: OffsetSchema,
    action: {
      type: 'object',
      required: ['id', 'label', 'owner', 'when', 'source'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        label: { type: 'string' },
        owner: { type: 'string' },
        when: { $ref: '#/$defs/condition' },
        due: { $ref: '#/$defs/offset' },
        source: { $ref: '#/$defs/citation' },
        interpretation: { type: 'string' },
        description: { type: 'string' },
      },
    },
    scheduleEntry: {
      type: 'object',
      required: ['id', 'activity', 'label', 'when', 'source'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        activity: { type: 'string' },
        label: { type: 'string' },
        when: { $ref: '#/$defs/condition' },
        ...Object.fromEntries(SCHEDULE_FORMS.map((f) => [f.key, f.schema])),
        from: { $ref: '#/$defs/expression' },
        source: { $ref: '#/$defs/citation' },
        interpretation: { type: 'string' },
        description: { type: 'string' },
      },
    },
    score: {
      type: 'object',
      required: ['id', 'label', 'value', 'source'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        label: { type: 'string' },
        when: { $ref: '#/$defs/condition' },
        value: { $ref: '#/$defs/expression' },
        source: { $ref: '#/$defs/citation' },
        interpretation: { type: 'string' },
      },
    },
    case: {
      type: 'object',
      required: ['id', 'note', 'input'],
      additionalProperties: false,
      properties: {
        id: { $ref: '#/$defs/id' },
        note: { type: 'string' },
        source: { $ref: '#/$defs/citation' },
        input: { type: 'object' },
        fillJudgements: { anyOf: [{ type: 'string' }, { type: 'object', additionalProperties: { type: 'string' } }] },
        asOf: { $ref: '#/$defs/date' },
        want: {
          type: 'object',
          additionalProperties: false,
          properties: {
            headline: true,
            decisions: { type: 'object' },
            actions: {
              type: 'array',
              items: {
                anyOf: [
                  { type: 'string' },
                  { type: 'object', required: ['id'], additionalProperties: false, properties: { id: { type: 'string' }, due: { $ref: '#/$defs/date' } } },
                ],
              },
            },
            actionsExact: { type: 'boolean' },
            noActions: { type: 'array', items: { type: 'string' } },
            schedule: {
              type: 'array',
              items: {
                anyOf: [
                  { type: 'string' },
                  {
                    type: 'object', required: ['id'], additionalProperties: false,
                    properties: { id: { type: 'string' }, nextDue: { $ref: '#/$defs/date' }, everyMonths: { type: 'number' }, everyDays: { type: 'number' } },
                  },
                ],
              },
            },
            noSchedule: { type: 'array', items: { type: 'string' } },
            scores: { type: 'object', additionalProperties: { type: ['number', 'null'] } },
            interpretations: { type: 'array', items: { type: 'string' } },
          },
        },
        wantError: { type: 'string' },
      },
    },
  },
} as const;
