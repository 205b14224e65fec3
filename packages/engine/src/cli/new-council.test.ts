import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { newCouncil } from './new-council.js';

const engineDir = fileURLToPath(new URL('../..', import.meta.url));
const repoRoot = join(engineDir, '..', '..');

/** A repository root with what `qaf new-council` reads, and the engine and vitest where a council package finds them. */
function sandboxRepo(): string {
  const root = mkdtempSync(join(tmpdir(), 'qaf-new-council-'));
  writeFileSync(join(root, 'pnpm-workspace.yaml'), 'packages:\n  - "packages/*"\n');
  mkdirSync(join(root, 'packages'));
  // The engine as the workspace links it (its package.json exports point at its built dist/).
  symlinkSync(engineDir, join(root, 'packages', 'engine'), 'dir');
  copyFileSync(join(repoRoot, 'tsconfig.base.json'), join(root, 'tsconfig.base.json'));
  mkdirSync(join(root, 'node_modules', '@openqaf'), { recursive: true });
  symlinkSync(engineDir, join(root, 'node_modules', '@openqaf', 'engine'), 'dir');
  symlinkSync(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), join(root, 'node_modules', 'vitest'), 'dir');
  return root;
}

/** Runs vitest in a package folder: its exit code and what it printed. */
function runVitest(dir: string): Promise<{ code: number; out: string }> {
  const bin = join(dirname(createRequire(import.meta.url).resolve('vitest/package.json')), 'vitest.mjs');
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, 'run', '--root', dir, '--reporter', 'verbose', '--no-color'], { cwd: dir, env: { ...process.env, CI: '1', NO_COLOR: '1' } }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: `${stdout}\n${stderr}` });
    });
  });
}

describe('qaf new-council', () => {
  it('writes the document-coverage and boundary-coverage tests docs/add-a-council.md requires, and the scaffolded council\'s tests pass', async () => {
    const root = sandboxRepo();
    const { dir, files } = newCouncil({ slug: 'wessex', name: 'Wessex Council', root });
    for (const f of ['src/document-coverage.test.ts', 'src/boundary-coverage.test.ts', 'pack/left-uncovered-boundaries.json']) {
      expect(files).toContain(`packages/councils-wessex/${f}`);
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(readFileSync(join(root, 'docs', 'councils', 'wessex.md'), 'utf8')).toContain('## Document coverage');
    const { code, out } = await runVitest(dir);
    expect(out).toMatch(/Wessex Council Document coverage > names ids, and only ids the pack and its cases have/);
    expect(out).toMatch(/wessex boundary coverage > tests every side of every threshold, or says why a side is left/);
    expect(out).toMatch(/wessex boundary coverage > leaves uncovered only sides the pack has and no case covers/);
    expect(out).toMatch(/Tests +\d+ passed \(\d+\)/);
    expect(code, out).toBe(0);
  }, 180_000);

  it('scaffolds tests that fail when the docs page names an id the pack does not have', async () => {
    const root = sandboxRepo();
    const { dir } = newCouncil({ slug: 'wessex', name: 'Wessex Council', root });
    const page = join(root, 'docs', 'councils', 'wessex.md');
    writeFileSync(page, readFileSync(page, 'utf8').replace('`good-visit`', '`good-vist`'));
    const { code, out } = await runVitest(dir);
    expect(code).not.toBe(0);
    expect(out).toContain('good-vist');
  }, 180_000);
});
