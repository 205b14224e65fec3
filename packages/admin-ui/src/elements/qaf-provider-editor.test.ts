import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ProviderField } from '../api/admin-api.js';
import { fakeServer, fill, json, settled, submit } from './fake-server.test-helpers.js';
import { chosen, mount, text } from './mount.test-helpers.js';
import { fieldProblem } from './qaf-provider-editor.js';
import './qaf-provider-editor.js';

/** Fields as the server gives them for a pack like Bolton's (titles and bounds from its inputs). */
const FIELDS: ProviderField[] = [
  { field: 'name', title: 'Name', kind: 'text', required: true },
  { field: 'cqcLocationId', title: 'CQC location id', kind: 'text', required: false },
  { field: 'serviceType', title: 'Service type', kind: 'choice', required: false, choices: ['Residential Services', 'Nursing homes'] },
  { field: 'size.beds', title: 'Beds', kind: 'integer', required: false, minimum: 1 },
  { field: 'facts.cqcRating', title: 'CQC rating', kind: 'choice', required: false, choices: ['Inadequate', 'Requires Improvement', 'Good', 'Outstanding'] },
  { field: 'facts.cqcRatingDate', title: 'Date of the current CQC rating.', kind: 'date', required: false },
];

const PROVIDER = { id: 'p-1', councilId: 'bolton', name: 'Oak House', cqcLocationId: '1-1', serviceType: 'Nursing homes', size: { beds: 40, lifts: 2 }, facts: { cqcRating: 'Good', kept: 'as stored' }, revision: 3, createdAt: '', updatedAt: '', latest: null };

afterEach(() => vi.unstubAllGlobals());

describe('qaf-provider-editor', () => {
  it('checks a typed date as a date', () => {
    expect(fieldProblem(FIELDS[5]!, '05/11/2024')).toBe('Date of the current CQC rating.: enter a date, like 2025-03-31');
    expect(fieldProblem(FIELDS[5]!, '2024-11-05')).toBeUndefined();
  });

  it('checks a typed value in the field\'s own words', () => {
    expect(fieldProblem(FIELDS[3]!, '0')).toBe('Beds: must be at least 1');
    expect(fieldProblem(FIELDS[3]!, '2.5')).toBe('Beds: enter a whole number');
    expect(fieldProblem(FIELDS[0]!, '')).toBe('Enter the name');
    expect(fieldProblem(FIELDS[3]!, '')).toBeUndefined();
  });

  it("edits every field by the pack's titles, keeps size details the pack does not read, and sends the revision", async () => {
    const seen = fakeServer(({ method, url }) => {
      if (url.pathname === '/api/councils/bolton/provider-fields') return json({ version: '1.0.0', fields: FIELDS });
      if (method === 'PUT' && url.pathname === '/api/councils/bolton/providers/p-1') return json({ ...PROVIDER, revision: 4 });
      return undefined;
    });
    const el = await mount('qaf-provider-editor', { council: 'bolton', provider: PROVIDER });
    await settled(el);
    const labels = [...el.shadowRoot!.querySelectorAll('label')].map((l) => l.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels).toEqual(['Name', 'CQC location id (optional)', 'Service type (optional)', 'Beds (optional)', 'CQC rating (optional)', 'Date of the current CQC rating. (optional)']);
    expect(chosen(el.shadowRoot!.getElementById('f-facts-cqcRating') as HTMLSelectElement)).toBe('Good');
    expect(el.shadowRoot!.getElementById('f-facts-cqcRatingDate')!.getAttribute('type')).toBe('date');
    expect((el.shadowRoot!.getElementById('f-size-beds') as HTMLInputElement).value).toBe('40');
    fill(el, 'f-size-beds', '0');
    submit(el, 'f-name');
    await settled(el);
    expect(text(el)).toContain('Beds: must be at least 1');
    expect(seen.some((r) => r.method === 'PUT')).toBe(false);
    let saved: unknown;
    el.addEventListener('provider-saved', (e) => { saved = (e as CustomEvent).detail; });
    fill(el, 'f-size-beds', '42');
    fill(el, 'f-serviceType', 'Residential Services');
    fill(el, 'f-facts-cqcRating', 'Requires Improvement');
    fill(el, 'f-facts-cqcRatingDate', '2024-11-05');
    submit(el, 'f-name');
    await settled(el);
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.headers.get('if-match')).toBe('"3"');
    expect(put.body).toEqual({
      name: 'Oak House', cqcLocationId: '1-1', serviceType: 'Residential Services', size: { beds: 42, lifts: 2 },
      facts: { cqcRating: 'Requires Improvement', cqcRatingDate: '2024-11-05', kept: 'as stored' },
    });
    expect(saved).toMatchObject({ revision: 4 });
  });

  it("shows the server's refusal against the field it names", async () => {
    fakeServer(({ method, url }) => {
      if (url.pathname === '/api/councils/bolton/provider-fields') return json({ version: '1.0.0', fields: FIELDS });
      if (method === 'POST') return json({ error: { status: 422, code: 'invalid-body', message: 'bad', details: [{ pointer: '/serviceType', message: 'Service type: must be one of "Residential Services", "Nursing homes"' }] } }, 422);
      return undefined;
    });
    const el = await mount('qaf-provider-editor', { council: 'bolton' });
    await settled(el);
    fill(el, 'f-name', 'Elm Lodge');
    submit(el, 'f-name');
    await settled(el);
    const error = el.shadowRoot!.querySelector('#f-serviceType-error');
    expect(error?.textContent).toContain('Service type: must be one of');
    expect(el.shadowRoot!.getElementById('f-serviceType')!.getAttribute('aria-invalid')).toBe('true');
  });
});
