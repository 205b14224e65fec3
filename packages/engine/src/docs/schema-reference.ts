import { packSchema } from '../schema/pack-schema.js';
import { EXPRESSIONS, FACTS, OPERATORS, SCHEDULE_FORMS, TABLE_CELL_FORMS } from '../language/registry.js';
import { DUE_UNITS } from '../language/timing/due.js';
import { CALENDARS, CALENDAR_SOURCE } from '../language/calendars/calendars.js';

type Node = Record<string, unknown>;

function typeOf(s: Node): string {
  if (typeof s.$ref === 'string') return `[${s.$ref.split('/').pop()}](#${String(s.$ref.split('/').pop()).toLowerCase()})`;
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (Array.isArray(s.enum)) return s.enum.map((v) => `\`${JSON.stringify(v)}\``).join(' \\| ');
  if (Array.isArray(s.oneOf) || Array.isArray(s.anyOf)) return 'one of several forms';
  if (s.type === 'array') return `list of ${s.items ? typeOf(s.items as Node) : 'values'}`;
  if (s.type === 'object' && s.additionalProperties && typeof s.additionalProperties === 'object') return `map of ${typeOf(s.additionalProperties as Node)}`;
  if (Array.isArray(s.type)) return s.type.join(' or ');
  return typeof s.type === 'string' ? s.type : s === true as unknown ? 'any' : 'any';
}

function table(s: Node): string[] {
  const props = (s.properties ?? {}) as Record<string, Node>;
  const required = new Set((s.required ?? []) as string[]);
  if (!Object.keys(props).length) return [];
  return ['| property | type | required | description |', '|---|---|---|---|',
    ...Object.entries(props).map(([k, v]) => `| \`${k}\` | ${typeOf(v)} | ${required.has(k) ? 'yes' : ''} | ${String(v.description ?? '').replace(/\|/g, '\\|')} |`)];
}

const cell = (text: string): string => text.replace(/\|/g, '\\|');

/** The tables of operators, built-in facts, expression forms and timing forms, from the language registry's docs rows. */
function languageTables(): string[] {
  return [
    '', '## The language: operators, facts, expressions and timing', '',
    'Generated from the language registry (`packages/engine/src/language/`); [extending the language](extending-the-language.md) says how to add one.',
    '', '### Operators', '', 'A leaf condition `{ "fact": ..., "operator": ..., "value": ... }`; plugins may declare more (`extensions.operators`).', '',
    '| operator | reads as | with a count | meaning |', '|---|---|---|---|',
    ...OPERATORS.map((o) => `| \`${o.name}\` | ${o.words}${o.wordsWhenFalse ? ` (with \`false\`: ${o.wordsWhenFalse})` : ''} | ${o.countWords ?? ''} | ${cell(o.doc)} |`),
    '', '### Built-in facts', '', 'Besides the pack\'s inputs and decisions (and plugin facts declared in `extensions.facts`).', '',
    '| fact | parameters | meaning |', '|---|---|---|',
    ...FACTS.map((f) => `| \`${f.name}\` | ${f.params.map((p) => `\`${p}\``).join(', ')} | ${cell(f.doc)} |`),
    '', '### Expressions', '', 'A JSON literal, or one of these forms.', '',
    '| form | written | meaning |', '|---|---|---|',
    ...EXPRESSIONS.map((e) => `| \`${e.key}\` | \`${cell(e.syntax)}\` | ${cell(e.doc)} |`),
    '', '### Decision table cells', '', 'A decision may give a `table` (input columns, and rows with one cell per column, an output and a citation); each row is compiled to a rule of the decision, under its hit policy.', '',
    '| cell | meaning |', '|---|---|',
    ...TABLE_CELL_FORMS.map((c) => `| \`${cell(c.syntax)}\` | ${cell(c.doc)} |`),
    '', '### Timing', '', 'An action\'s `due` gives exactly one unit (and optionally `from`, default the assessment date):', '',
    '| unit | meaning |', '|---|---|',
    ...DUE_UNITS.map((u) => `| \`${u.unit}\` | ${cell(u.doc)} |`),
    '', 'A schedule entry gives exactly one form (and optionally `from`, default the assessment date):', '',
    '| form | written | meaning |', '|---|---|---|',
    ...SCHEDULE_FORMS.map((f) => `| \`${f.key}\` | \`${cell(f.syntax)}\` | ${cell(f.doc)} |`),
    '', '### Calendars', '',
    `Working days (\`addWorkingDays\`, a \`due\` in \`workingDays\`) skip the bank holidays of the \`calendar\` they name; without one they are Monday to Friday, bank holidays included, as before. Source: ${CALENDAR_SOURCE.source}, generated on ${CALENDAR_SOURCE.generatedOn}. A date outside a calendar's years is an evaluation error.`, '',
    '| calendar | division | years | bank holidays |', '|---|---|---|---|',
    ...CALENDARS.map((c) => `| \`${c.name}\` | ${c.label} | ${c.from} to ${c.to} | ${c.holidays.size} |`),
  ];
}

/** The pack schema reference as Markdown, generated from the published JSON Schema and the language registry. */
export function schemaReference(): string {
  const s = packSchema as unknown as Node;
  const out = ['# Pack schema reference', '', '<!-- Generated from packages/engine/src/schema/pack-schema.ts and src/language/ by `pnpm --filter @openqaf/engine docs`; do not edit by hand. -->', '',
    `${String(s.description)} JSON Schema draft 2020-12, \`${String(s.$id)}\`. See [the pack format](pack-format.md) for the concepts.`, ...languageTables(), '', '## Pack', '', ...table(s)];
  for (const [name, def] of Object.entries((s.properties ?? {}) as Record<string, Node>)) {
    const t = table(def);
    if (t.length) out.push('', `### ${name}`, '', ...(def.description ? [String(def.description), ''] : []), ...t);
  }
  for (const [name, def] of Object.entries(s.$defs as Record<string, Node>)) {
    out.push('', `## ${name}`, '');
    if (def.description) out.push(String(def.description), '');
    const forms = (def.oneOf ?? def.anyOf) as Node[] | undefined;
    if (forms) {
      for (const f of forms) {
        const req = (f.required ?? []) as string[];
        out.push(`- ${req.length ? `form with ${req.map((r) => `\`${r}\``).join(', ')}` : `a ${typeOf(f)}`}${f.properties ? `: ${Object.keys(f.properties as Node).map((k) => `\`${k}\``).join(', ')}` : ''}`);
      }
    } else {
      const t = table(def);
      out.push(...(t.length ? t : [`${typeOf(def)}${def.pattern ? ` matching \`${String(def.pattern)}\`` : ''}`]));
    }
  }
  return `${out.join('\n')}\n`;
}
