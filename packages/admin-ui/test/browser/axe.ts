import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = (createRequire(import.meta.url)('axe-core') as { source: string }).source;

/** An axe violation as the browser tests report it: what, how bad, and the first elements found. */
export interface SeriousViolation { id: string; impact: string; help: string; targets: string[] }

/**
 * Runs axe-core over the page as it stands and returns its serious and critical violations (the
 * impacts the admin UI must have none of), each with up to three of its elements.
 */
export async function seriousViolations(page: Page): Promise<SeriousViolation[]> {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    type Violation = { id: string; impact: string; help: string; nodes: { target: unknown[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.slice(0, 3).map((n) => JSON.stringify(n.target)) }));
  });
}
