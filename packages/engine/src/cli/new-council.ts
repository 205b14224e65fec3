import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Pack } from '../types.js';
import { DOCUMENT_COVERAGE_HEADING } from '../testing/document-coverage.js';
import { LEFT_UNCOVERED_FILE } from '../testing/left-uncovered.js';

/** What `qaf new-council` needs: the council slug, its name, and the repository root. */
export interface NewCouncilOptions {
  slug: string;
  name: string;
  root: string;
}

/** The starter pack of a new council: valid, with one rule, one action and cases on both sides of its threshold, to replace. */
export function starterPack(slug: string, name: string): Pack {
  const src = { doc: 'framework', section: '1' };
  return {
    metadata: {
      id: slug, council: name, title: `${name} quality assurance framework`, version: '0.1.0',
      effectiveFrom: new Date().toISOString().slice(0, 10), documents: ['framework'],
      description: 'Starter pack made by qaf new-council: replace the scales, decisions and cases with the council\'s own framework, citing its sections.',
    },
    sources: { framework: { title: `${name} quality assurance framework (replace with the document's title)`, sections: { '1': 'Ratings (replace with the real section)' } } },
    scales: { rating: { label: 'Quality rating', values: ['Inadequate', 'Requires improvement', 'Good'], source: src } },
    inputs: {
      type: 'object',
      properties: { visitJudgement: { 'x-scale': 'rating', description: 'The officer\'s overall judgement at the visit' } },
      required: ['visitJudgement'],
    },
    decisions: {
      qualityRating: {
        label: 'Quality rating', scale: 'rating', hitPolicy: 'first', source: src,
        rules: [{ id: 'visit', label: 'The visit judgement stands', output: { fact: 'visitJudgement' }, when: { all: [] }, source: src }],
      },
    },
    outcomes: {
      headline: 'qualityRating',
      actions: [{ id: 'improvement-plan', label: 'Agree an improvement plan', owner: 'provider', when: { fact: 'qualityRating', operator: 'below', value: 'Good' }, source: src }],
    },
    cases: [
      { id: 'good-visit', note: 'A Good visit judgement gives a Good rating and no improvement plan', source: src, input: { date: '2025-01-15', facts: { visitJudgement: 'Good' } }, want: { headline: 'Good', noActions: ['improvement-plan'] } },
      { id: 'inadequate-visit', note: 'An Inadequate visit judgement asks for an improvement plan on the visit date', source: src, input: { date: '2025-01-15', facts: { visitJudgement: 'Inadequate' } }, want: { headline: 'Inadequate', actions: [{ id: 'improvement-plan', due: '2025-01-15' }] } },
      // The improvement plan's threshold ("below Good") on both sides: Good above, Requires improvement just below.
      { id: 'requires-improvement-visit', note: 'A Requires improvement visit judgement, the value just below Good, asks for an improvement plan', source: src, input: { date: '2025-01-15', facts: { visitJudgement: 'Requires improvement' } }, want: { headline: 'Requires improvement', actions: [{ id: 'improvement-plan', due: '2025-01-15' }] } },
    ],
  };
}

/**
 * The council's docs page: what the pack encodes, and its "Document coverage" section (the audit
 * `src/document-coverage.test.ts` keeps true), naming the starter pack's ids to replace.
 */
export function starterDocPage(name: string): string {
  return `# ${name}

Starter pack made by \`qaf new-council\`. Describe here what the pack encodes, section by section, and every interpretation.

${DOCUMENT_COVERAGE_HEADING}

The audit of the pack against the council's documents, clause by clause (docs/add-a-council.md, "Cases"):
each row is a clause that states a threshold, count, due time, interval, rating rule or a decision given to a
person; the pack column names what encodes it and the cases column the cases that check it. Every id in
backticks in this section must be one of the pack's or its cases' (\`src/document-coverage.test.ts\`).
Replace the starter rows with the council's clauses.

| clause | the document | pack | person? | cases |
|---|---|---|---|---|
| 1 | (starter) the visit judgement is the rating | \`qualityRating\` rule \`visit\` | | \`good-visit\`, \`requires-improvement-visit\`, \`inadequate-visit\` |
| 1 | (starter) an improvement plan below Good | \`improvement-plan\` | | \`good-visit\` (Good: none), \`requires-improvement-visit\` (just below Good: one) |
`;
}

/**
 * Creates `packages/councils-<slug>`: a starter pack folder that validates (`pack/pack.json`,
 * its cases in `pack/cases/ratings.json`, and `pack/left-uncovered-boundaries.json`), the plugin
 * module, its tests (the pack's cases, document coverage and boundary coverage, as
 * docs/add-a-council.md requires), package.json, README, a docs page with its "Document coverage"
 * section and a changeset; and registers it with
 * the server (as a dependency of packages/server) so the platform seeds it.
 */
export function newCouncil(opts: NewCouncilOptions): { dir: string; files: string[] } {
  const { slug, name } = opts;
  if (!/^[a-z][a-z0-9-]{1,40}$/.test(slug)) throw new Error(`"${slug}" is not a council slug: use lower-case letters, digits and dashes, starting with a letter.`);
  const root = resolve(opts.root);
  if (!existsSync(join(root, 'pnpm-workspace.yaml'))) throw new Error(`${root} is not the OpenQAF repository root (no pnpm-workspace.yaml); pass --dir.`);
  const dir = join(root, 'packages', `councils-${slug}`);
  if (existsSync(dir)) throw new Error(`${dir} already exists; nothing was written.`);
  const enginePkg = JSON.parse(readFileSync(join(root, 'packages', 'engine', 'package.json'), 'utf8')) as { devDependencies?: Record<string, string> };
  const vitest = enginePkg.devDependencies?.vitest ?? '^4.1.0';
  // The pack folder: the pack without its cases, and the cases in a file per topic.
  const { cases, ...rules } = starterPack(slug, name);
  const files: Record<string, string> = {
    'package.json': `${JSON.stringify({
      name: `@openqaf/councils-${slug}`, version: '0.1.0', description: `OpenQAF rule pack for ${name}.`, type: 'module', license: 'MIT',
      engines: { node: '>=20.19.0' }, openqaf: { council: slug, pack: './pack' },
      exports: { '.': { types: './dist/index.d.ts', import: './dist/index.js' }, './pack/*': './pack/*', './package.json': './package.json' },
      files: ['dist', 'pack', 'README.md'],
      scripts: { build: 'tsc -p tsconfig.build.json', typecheck: 'tsc -p tsconfig.json --noEmit', lint: 'eslint src', test: 'vitest run' },
      peerDependencies: { '@openqaf/engine': 'workspace:>=0.1.0 <1.0.0' },
      devDependencies: { '@openqaf/engine': 'workspace:*', vitest },
    }, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify({ extends: '../../tsconfig.base.json', compilerOptions: { rootDir: 'src', outDir: 'dist', types: ['node'] }, include: ['src'] }, null, 2)}\n`,
    'tsconfig.build.json': `${JSON.stringify({ extends: './tsconfig.json', exclude: ['src/**/*.test.ts'] }, null, 2)}\n`,
    'pack/pack.json': `${JSON.stringify(rules, null, 2)}\n`,
    'pack/cases/ratings.json': `${JSON.stringify({ cases }, null, 2)}\n`,
    'src/index.ts': `import { fileURLToPath } from 'node:url';
import { readPackSource, type CouncilPlugin, type Pack } from '@openqaf/engine';

/** The bundled pack, read from the pack folder (pack/pack.json and its cases in pack/cases/*.json). */
const pack: Pack = readPackSource(fileURLToPath(new URL('../pack', import.meta.url)));

/** ${name}'s OpenQAF plugin: its rule pack (with cases). */
const plugin: CouncilPlugin = { id: '${slug}', name: ${JSON.stringify(name)}, pack };
export default plugin;
export { pack };
`,
    'src/pack.test.ts': `import { describe, expect, it } from 'vitest';
import { analyse, compilePack, validatePack } from '@openqaf/engine';
import { describePackCases } from '@openqaf/engine/vitest';
import plugin from './index.js';

describe('${name} pack', () => {
  it('validates with no errors', () => {
    const result = validatePack(plugin.pack);
    expect(result.errors).toEqual([]);
  });
  it('has no gaps, overlaps or masked rules', () => {
    const { summary } = analyse(compilePack(plugin.pack));
    expect({ gap: summary.gap, overlap: summary.overlap, masked: summary.masked }).toEqual({ gap: 0, overlap: 0, masked: 0 });
  });
});

describePackCases(plugin);
`,
    // docs/add-a-council.md, "Cases" and "Document coverage": both coverage tests run from the start.
    'src/document-coverage.test.ts': `import { readFileSync } from 'node:fs';
import { describeDocumentCoverage } from '@openqaf/engine/vitest';
import plugin from './index.js';

// docs/councils/${slug}.md "Document coverage" records the audit of the pack against the council's documents:
// every id it names (in backticks) must be one of the pack's or its cases'.
describeDocumentCoverage(plugin, readFileSync(new URL('../../../docs/councils/${slug}.md', import.meta.url), 'utf8'));
`,
    'src/boundary-coverage.test.ts': `import { readFileSync } from 'node:fs';
import { describeBoundaryCoverage, LEFT_UNCOVERED_FILE, readLeftUncovered } from '@openqaf/engine/vitest';
import plugin from './index.js';

// Every side of every threshold (numbers, scale values, dates) is tested by a case, or listed with the
// reason no case can test it in pack/left-uncovered-boundaries.json (which \`qaf coverage ${slug} --boundaries\` reads too).
const file = \`pack/\${LEFT_UNCOVERED_FILE}\`;
const leftUncovered = readLeftUncovered(readFileSync(new URL(\`../\${file}\`, import.meta.url), 'utf8'), file);
describeBoundaryCoverage(plugin.pack, plugin.pack.cases ?? [], { leftUncovered, ...(plugin.extensions ? { extensions: plugin.extensions } : {}) });
`,
    [`pack/${LEFT_UNCOVERED_FILE}`]: `${JSON.stringify({ leftUncovered: [] }, null, 2)}\n`,
    'README.md': `# @openqaf/councils-${slug}

${name}'s quality assurance framework as an OpenQAF rule pack. Made by \`qaf new-council\`: the
pack is a starter to replace with the council's own framework, following
[Add a council](../../docs/add-a-council.md).

The pack is the folder \`pack/\`: \`pack/pack.json\` holds the rules, and \`pack/cases/*.json\` the
cases, one file per topic (\`{ "cases": [...] }\`). The plugin bundles them when imported; the
content hash that determinations cite covers the rules only (see docs/pack-format.md).

## What is encoded
- (starter) One rating decision taking the visit judgement as it stands, and an improvement plan below Good.

## Interpretations
| id | what the document leaves open | what the pack decides |
|---|---|---|
| (none yet) | | |
`,
  };
  for (const [f, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    writeFileSync(join(dir, f), text);
  }
  const written = Object.keys(files).map((f) => `packages/councils-${slug}/${f}`);
  const docs = join(root, 'docs', 'councils');
  mkdirSync(docs, { recursive: true });
  const docPage = join(docs, `${slug}.md`);
  if (!existsSync(docPage)) {
    writeFileSync(docPage, starterDocPage(name));
    written.push(`docs/councils/${slug}.md`);
  }
  const changeset = join(root, '.changeset', `${slug}-pack.md`);
  if (existsSync(join(root, '.changeset'))) {
    writeFileSync(changeset, `---\n"@openqaf/councils-${slug}": minor\n---\n\nAdd ${name}'s rule pack (starter).\n`);
    written.push(`.changeset/${slug}-pack.md`);
  }
  const serverPkg = join(root, 'packages', 'server', 'package.json');
  if (existsSync(serverPkg)) {
    const pkg = JSON.parse(readFileSync(serverPkg, 'utf8')) as { dependencies?: Record<string, string> };
    pkg.dependencies = { ...(pkg.dependencies ?? {}), [`@openqaf/councils-${slug}`]: 'workspace:*' };
    pkg.dependencies = Object.fromEntries(Object.entries(pkg.dependencies).sort(([a], [b]) => a.localeCompare(b)));
    writeFileSync(serverPkg, `${JSON.stringify(pkg, null, 2)}\n`);
    written.push('packages/server/package.json (registered as a dependency, so the server seeds it)');
  }
  return { dir, files: written };
}
