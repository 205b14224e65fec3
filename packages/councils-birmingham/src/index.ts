import { fileURLToPath } from 'node:url';
import { readPackSource, type CouncilPlugin, type Pack } from '@openqaf/engine';

/** The bundled pack, read from the pack folder (pack/pack.json and its cases in pack/cases/*.json). */
const pack: Pack = readPackSource(fileURLToPath(new URL('../pack', import.meta.url)));

/**
 * Birmingham City Council's quality assurance framework as an OpenQAF plugin: Gold, Silver,
 * Bronze and Inadequate ratings from 5 care domains, 15 core standards and 79 criteria, the
 * overall rating from the most recent CQC and Council ratings (Schedule 15 wins over the draft strategy: the NHS RAG is set aside and named), the Home Support score as the printed table, declared parameters, the
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
