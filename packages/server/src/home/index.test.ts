import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeRoutes } from './index.js';

describe('the built admin UI, served compressed', () => {
  let dir = '';
  const script = `export const words = "${'quality assurance '.repeat(400)}";\n`;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'qaf-ui-compressed-'));
    await writeFile(join(dir, 'index.html'), '<!doctype html><title>QAF admin</title><qaf-app></qaf-app>');
    await writeFile(join(dir, 'app.js'), script);
    await writeFile(join(dir, 'app.js.br'), brotliCompressSync(script));
    await writeFile(join(dir, 'app.js.gz'), gzipSync(script));
    await mkdir(join(dir, 'assets'));
    await writeFile(join(dir, 'assets', 'index-HLivQBOs.js'), script);
    await writeFile(join(dir, 'assets', 'index-HLivQBOs.js.br'), brotliCompressSync(script));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const get = (path: string, acceptEncoding?: string) =>
    homeRoutes(dir).request(path, acceptEncoding ? { headers: { 'accept-encoding': acceptEncoding } } : {});

  it('sends the Brotli copy to a browser that accepts br, with Content-Encoding, Vary and the script type', async () => {
    const res = await get('/app.js', 'gzip, deflate, br');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    const body = Buffer.from(await res.arrayBuffer());
    expect(body.length).toBeLessThan(script.length / 10);
    expect(brotliDecompressSync(body).toString()).toBe(script);
  });

  it('sends the gzip copy when only gzip is accepted', async () => {
    const res = await get('/app.js', 'gzip');
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(script);
  });

  it('sends the file as it is when no encoding is accepted', async () => {
    const res = await get('/app.js');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(script);
  });

  it('lets the browser keep a hashed asset for a year, compressed or not, and asks again for the page and unhashed files', async () => {
    for (const encoding of ['br', undefined]) {
      const res = await get('/assets/index-HLivQBOs.js', encoding);
      expect(res.status).toBe(200);
      expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await get('/assets/index-HLivQBOs.js', 'br')).headers.get('content-encoding')).toBe('br');
    expect((await get('/app.js')).headers.get('cache-control')).toBe('no-cache');
    expect((await get('/')).headers.get('cache-control')).toBe('no-cache');
    // A client-side route gets the page, never kept.
    const page = await get('/councils/bolton');
    expect(await page.text()).toContain('<qaf-app>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
  });
});
