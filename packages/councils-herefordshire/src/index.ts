import { fileURLToPath } from 'node:url';
import { readPackSource, type CouncilPlugin, type Pack } from '@openqaf/engine';
import { monthsAfter } from './months-after.js';

/** The bundled pack, read from the pack folder (pack/pack.json and its cases in pack/cases/*.json). */
const pack: Pack = readPackSource(fileURLToPath(new URL('../pack', import.meta.url)));

/**
 * Herefordshire Council and HCCG's Quality Assurance Strategy for Commissioned Care and Support
 * (Adults) Services (v2.0) as an OpenQAF plugin: the quality threshold level 1-3 from the
 * Appendix 2 threshold indicators, the intervention, monitoring and measures for each level, the
 * review route of section 3.4, and the Quality Outcomes Framework of Appendix 1.
 *
 * The current pack uses no plugin fact: "in place for more than 3 months" is date arithmetic in
 * the pack's own condition (`addMonths`). The plugin still supplies one fact, `monthsAfter`,
 * kept for stored versions only: pack 1.0.0 uses it, and a server seeded with 1.0.0 keeps it
 * stored (see ./months-after.ts and ../README.md, "Kept for stored versions").
 *
 * @example
 * import herefordshire from '@openqaf/councils-herefordshire';
 * const determination = evaluate(compilePack(herefordshire.pack, { extensions: herefordshire.extensions }), assessment);
 * @see ../README.md
 */
const plugin: CouncilPlugin = {
  id: 'herefordshire',
  name: 'Herefordshire Council and Herefordshire Clinical Commissioning Group',
  pack,
  extensions: { facts: { monthsAfter } },
};

export default plugin;
export { pack };
