import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import './qaf-provider-import.js';

const CSV = 'name,cqcLocationId,size.beds\nOak House,1-100,40\n,1-200,x\nElm Court,1-300,12\n';

function server(strictRefusal = false) {
  return fakeServer(({ method, url }) => {
    if (url.pathname !== '/api/councils/testshire/providers/import' || method !== 'POST') return undefined;
    if (strictRefusal) return json({ error: { status: 422, code: 'import-refused', message: '1 problem(s) in the CSV: nothing was imported (strict mode)', details: [{ row: 3, pointer: '/name', message: 'name: must not be empty' }] } }, 422);
    return json({
      imported: 1, updated: 1, unchanged: 0, rejected: 1, ids: ['p-oak'], updatedIds: ['p-elm'], strict: false, onExisting: 'update', warnings: [],
      rows: [
        { row: 2, outcome: 'inserted', id: 'p-oak', cqcLocationId: '1-100', revision: 1 },
        { row: 3, outcome: 'rejected', cqcLocationId: '1-200' },
        { row: 4, outcome: 'updated', id: 'p-elm', cqcLocationId: '1-300', revision: 3, changed: ['size.beds'] },
      ],
      errors: [{ row: 3, pointer: '/name', message: 'name: must not be empty' }, { row: 3, pointer: '/size/beds', message: 'size.beds: "x" is not a number' }],
    }, 201);
  });
}

afterEach(() => vi.unstubAllGlobals());

describe('qaf-provider-import', () => {
  it('offers only the export to those who may not import', async () => {
    const el = await mount('qaf-provider-import', { council: 'testshire' });
    expect(el.shadowRoot!.querySelector('a[download]')!.getAttribute('href')).toBe('/api/councils/testshire/providers/export');
    expect(el.shadowRoot!.querySelector('form')).toBeNull();
  });

  it('sends the CSV with its options and shows what happened to each row', async () => {
    const seen = server();
    const el = await mount('qaf-provider-import', { council: 'testshire', canImport: true });
    fill(el, 'csv-text', CSV);
    (el.shadowRoot!.querySelector('input[value="reject"]') as HTMLInputElement).checked = true;
    submit(el, 'csv-text');
    await settled(el);
    expect(seen[0]!.body).toEqual({ csv: CSV, strict: false, onExisting: 'reject' });
    const t = text(el);
    expect(t).toContain('1 provider added, 1 updated, 0 unchanged, 1 row rejected.');
    const rows = [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.textContent!.replace(/\s+/g, ' ').trim());
    expect(rows).toEqual([
      '2 Added 1-100',
      '3 Rejected 1-200 name: must not be empty; size.beds: "x" is not a number',
      '4 Updated 1-300 size.beds',
    ]);
  });

  it('names the line of each problem when a strict import is refused', async () => {
    server(true);
    const el = await mount('qaf-provider-import', { council: 'testshire', canImport: true });
    fill(el, 'csv-text', CSV);
    submit(el, 'csv-text');
    await settled(el);
    const summary = el.shadowRoot!.querySelector('qaf-error-summary')!.shadowRoot!.textContent!;
    expect(summary).toContain('Line 3: name: must not be empty');
    expect(el.shadowRoot!.querySelector('section')).toBeNull();
  });

  it('asks for a file before sending nothing', async () => {
    const seen = server();
    const el = await mount('qaf-provider-import', { council: 'testshire', canImport: true });
    submit(el, 'csv-text');
    await settled(el);
    expect(seen).toHaveLength(0);
    expect(el.shadowRoot!.querySelector('qaf-error-summary')!.shadowRoot!.querySelector('a')!.getAttribute('href')).toBe('#csv-file');
  });
});
