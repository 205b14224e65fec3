import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTestApp } from '../app.test-helpers.js';
import type { TestApp } from '../app.test-helpers.js';
import { testStoreKinds } from '../store/test-stores.test-helpers.js';
import { judgements } from '../test-fixtures/testshire-pack.js';
import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT, encodeCursor } from './pagination.js';

describe.each(testStoreKinds)('paginated lists on $name', (kind) => {
  let t: TestApp;
  let providerId: string;
  beforeAll(async () => {
    t = await makeTestApp(kind);
    // Names that tie (the id breaks the tie) and more providers than the default page holds.
    const csv = ['name,cqcLocationId', ...Array.from({ length: DEFAULT_PAGE_LIMIT + 5 }, (_, i) => `Care ${String(i % 40).padStart(2, '0')},1-${i}`)].join('\n');
    const imported = await t.call('POST', '/api/councils/testshire/providers/import', { as: 'testshireAdmin', body: { csv } });
    expect(imported.status, imported.text).toBe(201);
    const list = await t.call('GET', '/api/councils/testshire/providers?limit=1', { as: 'testshireViewer' });
    providerId = list.body.providers[0].id;
    for (const date of ['2025-03-01', '2025-03-01', '2025-04-01']) {
      const res = await t.call('POST', '/api/councils/testshire/assessments', {
        as: 'testshireOfficer',
        body: { providerId, date, judgements: judgements(3), facts: { concerns: false } },
      });
      expect(res.status, res.text).toBe(201);
    }
  });
  afterAll(async () => t?.dispose());

  /** Follows `nextCursor` from the first page to the last, collecting `key`. */
  async function walk(path: string, key: string, limit: number) {
    const items: { id: string }[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const sep = path.includes('?') ? '&' : '?';
      const res = await t.call('GET', `${path}${sep}limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`, { as: 'platformAdmin' });
      expect(res.status, res.text).toBe(200);
      expect(res.body[key].length).toBeLessThanOrEqual(limit);
      items.push(...res.body[key]);
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor !== null && pages < 1000);
    return { items, pages };
  }

  it('gives the default page size and a cursor when more follow', async () => {
    const res = await t.call('GET', '/api/councils/testshire/providers', { as: 'testshireViewer' });
    expect(res.body.providers).toHaveLength(DEFAULT_PAGE_LIMIT);
    expect(res.body.nextCursor).toEqual(expect.any(String));
  });

  it('walks providers page by page in the same order as one big page, nothing skipped or repeated', async () => {
    const all = await t.call('GET', `/api/councils/testshire/providers?limit=${MAX_PAGE_LIMIT}`, { as: 'testshireViewer' });
    expect(all.body.nextCursor).toBeNull();
    const { items, pages } = await walk('/api/councils/testshire/providers', 'providers', 7);
    expect(pages).toBe(Math.ceil(all.body.providers.length / 7));
    expect(items.map((p) => p.id)).toEqual(all.body.providers.map((p: { id: string }) => p.id));
  });

  it('filters by search and by rating before paginating', async () => {
    const { items } = await walk('/api/councils/testshire/providers?q=Care%2001', 'providers', 2);
    expect(items.length).toBeGreaterThan(2);
    expect(items.every((p) => (p as unknown as { name: string }).name === 'Care 01')).toBe(true);
    const assessed = await t.call('GET', `/api/councils/testshire/providers/${providerId}`, { as: 'testshireViewer' });
    const rating = String(assessed.body.latest.rating);
    const rated = await walk(`/api/councils/testshire/providers?rating=${encodeURIComponent(rating)}`, 'providers', 1);
    expect(rated.items.map((p) => p.id)).toEqual([providerId]);
    const unrated = await walk('/api/councils/testshire/providers?rating=Not%20assessed', 'providers', 50);
    expect(unrated.items).toHaveLength(DEFAULT_PAGE_LIMIT + 4);
  });

  it.each([
    ['/api/councils/testshire/assessments', 'assessments'],
    ['/api/councils/testshire/providers/{provider}/timeline', 'timeline'],
    ['/api/councils/testshire/versions', 'versions'],
    ['/api/councils/testshire/members', 'members'],
    ['/api/councils/testshire/audit', 'entries'],
    ['/api/audit', 'entries'],
    ['/api/users', 'users'],
    ['/api/councils', 'councils'],
    ['/api/auth/tokens', 'tokens'],
  ])('%s pages one item at a time through the same items as one page', async (template, key) => {
    const path = template.replace('{provider}', providerId);
    const all = await t.call('GET', `${path}?limit=${MAX_PAGE_LIMIT}`, { as: 'platformAdmin' });
    expect(all.status, all.text).toBe(200);
    const { items } = await walk(path, key, 1);
    expect(items).toEqual(all.body[key]);
  });

  it('refuses a limit out of range and a cursor it never gave, naming the parameter', async () => {
    for (const [query, pointer] of [
      [`limit=${MAX_PAGE_LIMIT + 1}`, '/limit'],
      ['limit=0', '/limit'],
      ['limit=ten', '/limit'],
      ['cursor=not-a-cursor', '/cursor'],
      [`cursor=${encodeCursor(['only one part'])}`, '/cursor'],
    ]) {
      const res = await t.call('GET', `/api/councils/testshire/providers?${query}`, { as: 'testshireViewer' });
      expect(res.status, query).toBe(422);
      expect(res.body.error.code).toBe('invalid-query');
      expect(res.body.error.details[0].pointer, query).toBe(pointer);
    }
  });
});
