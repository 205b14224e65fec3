// @vitest-environment node
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { precompressDir } from './precompress.js';

describe('precompressDir', () => {
  let dir = '';
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes .br and .gz copies of large text files that decompress to the original, and leaves small and binary files alone', () => {
    dir = mkdtempSync(join(tmpdir(), 'qaf-precompress-'));
    mkdirSync(join(dir, 'assets'));
    const script = 'export const words = "' + 'care quality '.repeat(500) + '";\n';
    writeFileSync(join(dir, 'assets', 'index-abc.js'), script);
    writeFileSync(join(dir, 'small.css'), 'a{color:red}');
    writeFileSync(join(dir, 'logo.png'), Buffer.alloc(4096, 1));
    const done = precompressDir(dir);
    expect(done).toEqual([join(dir, 'assets', 'index-abc.js')]);
    const br = readFileSync(join(dir, 'assets', 'index-abc.js.br'));
    const gz = readFileSync(join(dir, 'assets', 'index-abc.js.gz'));
    expect(brotliDecompressSync(br).toString()).toBe(script);
    expect(gunzipSync(gz).toString()).toBe(script);
    expect(br.length).toBeLessThan(script.length / 10);
    expect(existsSync(join(dir, 'small.css.br'))).toBe(false);
    expect(existsSync(join(dir, 'logo.png.br'))).toBe(false);
  });
});
