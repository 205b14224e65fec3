import { packSchema } from '../schema/pack-schema.js';

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

/** The pack schema reference as Markdown, generated from the published JSON Schema. */
export function schemaReference(): string {
  const s = packSchema as unknown as Node;
  const out = ['# Pack schema reference', '', '<!-- Generated from packages/engine/src/schema/pack-schema.ts by `pnpm --filter @openqaf/engine docs`; do not edit by hand. -->', '',
    `${String(s.description)} JSON Schema draft 2020-12, \`${String(s.$id)}\`. See [the pack format](pack-format.md) for the concepts.`, '', '## Pack', '', ...table(s)];
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
