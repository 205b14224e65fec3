import { fileURLToPath } from 'node:url';
import { readPackSource, type CouncilPlugin, type Pack } from '@openqaf/engine';

/** The bundled pack, read from the pack folder (pack/pack.json and its cases in pack/cases/*.json). */
const pack: Pack = readPackSource(fileURLToPath(new URL('../pack', import.meta.url)));

/**
 * Bolton Council's quality assurance framework (Guidance for Providers 2020/21) as an
 * OpenQAF plugin: the Provider Quality Rating 1-5, proposed from the Appendix 3 definitions (with the officer's reasoned override) and allocated by the QA Team,
 * standard QA activity QM-1..QM-8 by provider type, minimum visits by service type and size,
 * and the Appendix 2 return deadlines. No custom operators or facts.
 * @example
 * import bolton from '@openqaf/councils-bolton';
 * const determination = evaluate(compilePack(bolton.pack), assessment);
 * @see ../README.md
 */
const plugin: CouncilPlugin = { id: 'bolton', name: 'Bolton Council', pack };

export default plugin;
export { pack };
