import type { Page } from 'playwright-core';

/** The id of the element focused, through shadow roots. */
export function focusedId(page: Page): Promise<string> {
  return page.evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el ? el.id || el.textContent?.trim().slice(0, 60) || el.tagName : '';
  });
}

/** What the officer enters by keyboard: per domain (its jump link's title), the criteria judged Partly met; evidence on the last one. */
export interface KeyboardVisit {
  /** Each domain's title and the ids of its criteria judged Partly met (the rest are filled Fully met). */
  partly: [domain: string, criteria: string[]][];
  /** The evidence text recorded for the last criterion of the last domain. */
  evidence: string;
  /** Checks on the filled form before it is submitted (not counted: no key is pressed). */
  beforeSubmit?: () => Promise<void>;
}

/**
 * Records a Birmingham visit through the visit form by keyboard only, from the provider's page
 * (already open, with "Start a visit record"): start, confirm the facts from the provider record,
 * fill the rest (Fully met), move the exceptions to Partly met with one arrow press each, add the
 * evidence, continue to "check your answers" and submit. Returns the key presses it took (typed
 * evidence text is not counted: it is what the officer writes, not how they move).
 */
export async function recordVisitByKeyboard(page: Page, visit: KeyboardVisit): Promise<number> {
  let presses = 0;
  const press = async (key: string) => {
    presses += 1;
    await page.keyboard.press(key);
  };
  const tabTo = async (id: string, key = 'Tab', prefix = false) => {
    for (let i = 0; i < 60; i++) {
      const at = await focusedId(page);
      if (at === id || (prefix && at.startsWith(id))) return;
      await press(key);
    }
    throw new Error(`never reached ${id}`);
  };
  await page.getByRole('button', { name: 'Start a visit record' }).waitFor();
  await tabTo('start-visit');
  await press('Enter');
  await page.getByLabel('Date of the visit').waitFor();
  // The service type is filled from the provider record; the officer confirms it.
  await tabTo('confirm-prefilled');
  await press('Space');
  // Fill the rest with the default (Fully met), then change the exceptions with the arrow keys.
  await tabTo('fill-rest');
  await press('Enter');
  await page.getByText('0 left').waitFor();
  let last = '';
  for (const [domain, ids] of visit.partly) {
    // Back to the domain's jump link (the links come before the judgements).
    await tabTo(domain, 'Shift+Tab');
    await press('Enter');
    for (const id of ids) {
      // Tab reaches the group's checked radio (Fully met); one arrow press moves to Partly met.
      await tabTo(`j-${id}`, 'Tab', true);
      await press('ArrowDown');
      last = id;
    }
  }
  // Evidence for the last one: open its panel, type, add.
  await press('Tab');
  await press('Enter');
  await press('Tab');
  await page.keyboard.type(visit.evidence);
  await press('Tab');
  await press('Enter');
  await page.getByText('Evidence for this criterion (1)').waitFor();
  await visit.beforeSubmit?.();
  await page.getByText('All changes saved.').waitFor();
  // Enter on a radio submits the form: "check your answers".
  await tabTo(`j-${last}`, 'Shift+Tab', true);
  await press('Enter');
  await page.getByRole('heading', { name: 'Check your answers before submitting' }).waitFor();
  await tabTo('submit');
  await press('Enter');
  await page.getByText('Submitted, awaiting sign-off').first().waitFor();
  return presses;
}
