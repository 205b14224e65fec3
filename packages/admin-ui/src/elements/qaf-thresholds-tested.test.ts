import { boundaryCoverage } from '@openqaf/engine';
import { describe, expect, it } from 'vitest';
import { testPack } from '../pack/test-pack.test-helpers.js';
import { fakeServer, json, settled } from './fake-server.test-helpers.js';
import { mount, text } from './mount.test-helpers.js';
import './qaf-thresholds-tested.js';

const pack = testPack();
const report = boundaryCoverage(pack, pack.cases ?? []);
/** As the version's: Silver's threshold tested on both sides. */
const versionReport = structuredClone(report);
for (const side of versionReport.thresholds[0]!.sides) side.coveredBy = ['all-fully-met-silver'];

function server() {
  return fakeServer(({ method, url }) => {
    if (method === 'GET' && url.pathname === '/api/councils/testshire/versions') return json({ versions: [{ version: '1.0.0' }], nextCursor: null });
    if (method === 'POST' && url.pathname === '/api/councils/testshire/draft/boundary-coverage') return json({ revision: 4, version: null, report, reasons: { file: null, recorded: 0, setAside: [] } });
    if (method === 'GET' && url.pathname === '/api/councils/testshire/versions/1.0.0/boundary-coverage') return json({ revision: null, version: '1.0.0', report: versionReport, reasons: { file: null, recorded: 0, setAside: [] } });
    if (method === 'GET' && url.pathname === '/api/councils/testshire/versions/1.0.0') return json({ version: '1.0.0', pack });
    return undefined;
  });
}

const showButton = (el: HTMLElement) => [...el.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent!.includes('Show the thresholds tested'))!;

describe('qaf-thresholds-tested', () => {
  it('saves the draft first, then shows each decision\'s thresholds in a table with the summary, "Not tested" sides and case buttons that open the case', async () => {
    const seen = server();
    const order: string[] = [];
    const el = await mount('qaf-thresholds-tested', { council: 'testshire', pack, saveFirst: async () => { order.push(`save before ${seen.length} requests`); } });
    await settled(el);
    expect(text(el)).toContain('Not shown yet.');
    showButton(el).click();
    await settled(el);
    expect(order).toEqual(['save before 1 requests']);
    expect(seen.map((r) => `${r.method} ${r.url.pathname}`)).toEqual(['GET /api/councils/testshire/versions', 'POST /api/councils/testshire/draft/boundary-coverage']);
    expect(el.shadowRoot!.querySelector('[data-summary]')!.textContent).toContain('Of the draft (revision 4): 2 of 9 sides tested, 0 left untested with a reason, 7 not tested (5 thresholds).');
    expect([...el.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent!.replace(/\s+/g, ' ').trim())).toEqual(['Domain rating (domainRating)', 'Overall rating (overall)', 'Actions (actions)', 'Schedule (schedule)']);
    const firstTable = el.shadowRoot!.querySelector('table')!;
    expect([...firstTable.querySelectorAll('thead th')].map((th) => th.getAttribute('scope'))).toEqual(['col', 'col', 'col']);
    expect(firstTable.querySelector('tbody th[scope="rowgroup"]')!.textContent).toContain('at least 2 criteria in Safe judged at least Fully met');
    expect(el.shadowRoot!.querySelectorAll('.untested').length).toBe(7);
    const opened: string[] = [];
    el.addEventListener('case-open-id', (e) => opened.push((e as CustomEvent<{ id: string }>).detail.id));
    el.shadowRoot!.querySelector<HTMLButtonElement>('button[data-case="all-fully-met-silver"]')!.click();
    expect(opened).toEqual(['all-fully-met-silver']);
  });

  it('keeps only thresholds with a side not tested when asked, and shows a published version with its cases by name', async () => {
    server();
    const el = await mount('qaf-thresholds-tested', { council: 'testshire', pack });
    await settled(el);
    const select = el.shadowRoot!.getElementById('of') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toEqual(['draft', '1.0.0']);
    select.value = '1.0.0';
    select.dispatchEvent(new Event('change'));
    showButton(el).click();
    await settled(el);
    expect(el.shadowRoot!.querySelector('[data-summary]')!.textContent).toContain('Of version 1.0.0:');
    expect(el.shadowRoot!.querySelector('button[data-case]')).toBeNull();
    expect(el.shadowRoot!.querySelector('code')!.textContent).toBe('all-fully-met-silver');
    // Three decision thresholds, and the action's "at most Bronze" and the schedule's "at least Inadequate" (word scales).
    expect(el.shadowRoot!.querySelectorAll('tbody').length).toBe(5);
    const only = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="checkbox"]')!;
    only.checked = true;
    only.dispatchEvent(new Event('change'));
    await settled(el);
    // Silver's, tested on both sides, is left out; the action's and the schedule's each have a side not tested.
    expect(el.shadowRoot!.querySelectorAll('tbody').length).toBe(4);
    expect(el.shadowRoot!.textContent).not.toContain('at least 2 criteria in Safe judged at least Fully met');
  });
});
