import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** Every module the browser entry loads, following relative imports (not `import type`: erased, it loads nothing). */
function modulesOf(entry: URL, seen = new Map<string, string>()): Map<string, string> {
  if (seen.has(entry.href)) return seen;
  const text = readFileSync(entry, 'utf8');
  seen.set(entry.href, text);
  for (const m of text.matchAll(/^(?:import|export)\s(?!type\s)[^'"]*?from\s+'(\.[^']+)\.js'/gm)) modulesOf(new URL(`${m[1]}.ts`, entry), seen);
  return seen;
}

describe('the browser entry', () => {
  it('loads no Node built-in module, directly or through its imports', () => {
    const modules = modulesOf(new URL('./browser.ts', import.meta.url));
    expect(modules.size).toBeGreaterThan(5);
    const nodeImports = [...modules].filter(([, text]) => /from\s+'node:/.test(text)).map(([href]) => href.split('/src/')[1]);
    expect(nodeImports).toEqual([]);
  });
});
