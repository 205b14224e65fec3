import { readFileSync } from 'node:fs';
import type { CouncilPlugin, Pack } from '@openqaf/engine';

const pack = JSON.parse(readFileSync(new URL('../pack.json', import.meta.url), 'utf8')) as Pack;

/**
 * Bolton Council's quality assurance framework (Guidance for Providers 2020/21) as an
 * OpenQAF plugin: the Provider Quality Rating 1-5 with the officer's reasoned override,
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
