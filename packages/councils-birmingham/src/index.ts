import { readFileSync } from 'node:fs';
import type { CouncilPlugin, Pack } from '@openqaf/engine';

const pack = JSON.parse(readFileSync(new URL('../pack.json', import.meta.url), 'utf8')) as Pack;

/**
 * Birmingham City Council's quality assurance framework as an OpenQAF plugin: Gold, Silver,
 * Bronze and Inadequate ratings from 5 care domains, 15 core standards and 79 criteria, the
 * overall rating from the most recent CQC, Council and NHS ratings with its overrides, the
 * Bronze and Inadequate processes, visit and assurance statement schedule, quality scores and fees.
 *
 * The pack needs no custom operators or facts.
 * @example
 * import { compilePack, evaluate } from '@openqaf/engine';
 * import birmingham from '@openqaf/councils-birmingham';
 * const determination = evaluate(compilePack(birmingham.pack), assessment);
 * @see ../../../docs/councils/birmingham.md
 */
const plugin: CouncilPlugin = { id: 'birmingham', name: 'Birmingham City Council', pack };

export default plugin;
export { pack };
