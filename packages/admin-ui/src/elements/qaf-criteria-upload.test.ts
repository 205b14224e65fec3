import { afterEach, describe, expect, it, vi } from 'vitest';
import { mount, text } from './mount.test-helpers.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import './qaf-criteria-upload.js';

const CSV = 'id,wording,domain,standard,mandatory,advanced\nc1,Care plans are agreed,care,care-s1,yes,no\nc2,Staff trained,safety,care-s1,maybe,no\n';

afterEach(() => vi.unstubAllGlobals());

/** The body rows of the element's table, cells joined by a space. */
const rowsOf = (el: Element) => [...el.shadowRoot!.querySelectorAll('tbody tr')]
  .map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent!.replace(/\s+/g, ' ').trim()).join(' '));

describe('qaf-criteria-upload', () => {
  it('sends the CSV as text/csv with If-Match and shows each bad row by line and column', async () => {
    const seen = fakeServer(({ method, url }) => method === 'PUT' && url.pathname === '/api/councils/testshire/draft/criteria'
      ? json({ error: { status: 422, code: 'invalid-criteria', message: 'The criteria list was not loaded: 1 line(s) are wrong; the draft is unchanged', details: [
        { line: 3, csvColumn: 'domain', message: 'Unknown domain "safety"; the domains are care' },
        { line: 3, csvColumn: 'mandatory', message: '"maybe" is not yes or no' },
      ] } }, 422)
      : undefined);
    const el = await mount('qaf-criteria-upload', { council: 'testshire', etag: '"4"' });
    fill(el, 'criteria-text', CSV);
    submit(el, 'criteria-text');
    await settled(el);
    expect(seen[0]!.body).toBe(CSV);
    expect([seen[0]!.headers.get('content-type'), seen[0]!.headers.get('if-match')]).toEqual(['text/csv', '"4"']);
    expect(rowsOf(el)).toEqual(['3 domain Unknown domain "safety"; the domains are care', '3 mandatory "maybe" is not yes or no']);
    expect(text(el)).toContain('2 problems in the CSV: the draft is unchanged');
  });

  it('shows the criteria per domain once loaded and tells the editor to reload the draft', async () => {
    fakeServer(({ method }) => method === 'PUT'
      ? json({ revision: 5, valid: true, errors: [], criteria: 2, domains: [{ domain: 'care', criteria: 2, mandatory: 1, advanced: 0 }] })
      : undefined);
    const el = await mount('qaf-criteria-upload', { council: 'testshire', etag: '"4"' });
    const loaded = new Promise<CustomEvent>((resolve) => el.addEventListener('criteria-loaded', (e) => resolve(e as CustomEvent)));
    fill(el, 'criteria-text', CSV);
    submit(el, 'criteria-text');
    expect((await loaded).detail.revision).toBe(5);
    await settled(el);
    expect(text(el)).toContain('2 criteria loaded into the draft (revision 5)');
    expect(text(el)).toContain('The draft is valid.');
    expect(rowsOf(el)).toEqual(['care 2 1 0']);
  });

  it('asks for a file before sending anything, and is disabled while the editor has unsaved changes', async () => {
    const seen = fakeServer(() => undefined);
    const el = await mount('qaf-criteria-upload', { council: 'testshire', etag: '"4"' });
    submit(el, 'criteria-text');
    await settled(el);
    expect(seen).toEqual([]);
    expect(text(el)).toContain('Choose a CSV file or paste the CSV');
    const dirty = await mount('qaf-criteria-upload', { council: 'testshire', etag: '"4"', disabled: true });
    expect(dirty.shadowRoot!.querySelector('button')!.disabled).toBe(true);
  });
});
