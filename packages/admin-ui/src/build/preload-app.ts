import type { HtmlTagDescriptor, Plugin, Rollup } from 'vite';

type OutputBundle = Rollup.OutputBundle;
type OutputChunk = Rollup.OutputChunk;

/**
 * The chunks (file names) a dynamically imported module needs: the chunk of the module whose
 * id ends with `moduleEnd`, imported by `entry`, and every chunk it imports, depth first.
 */
export function chunksOf(bundle: OutputBundle, entry: OutputChunk, moduleEnd: string): string[] {
  const chunk = (file: string) => bundle[file] as OutputChunk | undefined;
  const root = entry.dynamicImports.find((f) => chunk(f)?.facadeModuleId?.replace(/\\/g, '/').endsWith(moduleEnd));
  const found: string[] = [];
  const visit = (file: string) => {
    if (found.includes(file) || file === entry.fileName) return;
    found.push(file);
    for (const next of chunk(file)?.imports ?? []) visit(next);
  };
  if (root) visit(root);
  return found;
}

/**
 * A Vite plugin adding `<link rel="modulepreload">` to the built page for the chunks of the
 * module `moduleEnd` (the app) that the small entry chunk imports only once it has started the
 * page's requests (src/main.ts): the browser fetches them beside the entry, not after it.
 */
export function preloadApp(moduleEnd: string): Plugin {
  return {
    name: 'qaf-preload-app',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx): HtmlTagDescriptor[] {
        if (!ctx.bundle || !ctx.chunk) return [];
        return chunksOf(ctx.bundle, ctx.chunk, moduleEnd).map((file) => ({
          tag: 'link', attrs: { rel: 'modulepreload', crossorigin: true, href: `./${file}` }, injectTo: 'head',
        }));
      },
    },
  };
}
