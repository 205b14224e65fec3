import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.js';
import { listCouncils } from '../councils/index.js';
import type { CouncilSummary } from '../councils/index.js';

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** The page served at `/` when the admin UI is not built: the councils and where the API is. */
export function homePage(councils: CouncilSummary[]): string {
  const items = councils
    .map((c) => {
      const id = encodeURIComponent(c.id);
      const version = c.currentVersion
        ? `pack ${escapeHtml(c.currentVersion.version)}, in force from ${escapeHtml(c.currentVersion.effectiveFrom)}`
        : 'no published pack yet';
      return `<li><strong>${escapeHtml(c.name)}</strong> (${escapeHtml(c.id)}): ${version}
        — <a href="/api/councils/${id}/pack">pack</a>, <a href="/api/councils/${id}/versions">versions</a></li>`;
    })
    .join('\n      ');
  return `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>OpenQAF</title>
  <style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem;color:#1b1b1b}a{color:#0b5cad}</style>
</head>
<body>
  <h1>OpenQAF</h1>
  <p>Councils' adult social care quality assurance frameworks as versioned rule packs.</p>
  <h2>Councils</h2>
  ${councils.length ? `<ul>\n      ${items}\n  </ul>` : '<p>No councils yet.</p>'}
  <h2>API</h2>
  <p>The API is described by its <a href="/openapi.json">OpenAPI document</a>. Published packs are public; everything else needs a sign-in (<code>POST /api/auth/login</code>) or an API token.</p>
  <p>The admin UI is not built on this server (build <code>packages/admin-ui</code> to serve it here).</p>
</body>
</html>`;
}

/** The path of a built file named by its content's hash (Vite's `assets/name-<hash>.ext`). */
const HASHED_ASSET = /^\/assets\/[^/]+-[\w-]{8,}\.\w+$/;
/** Kept by the browser for a year, never asked for again: its name changes when its content does. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** Asked for again (cheaply, with the browser's copy) on every load. */
export const NO_CACHE = 'no-cache';

/** A path the API answers, not the admin UI's files. */
function isApi(path: string): boolean {
  return path.startsWith('/api/') || path === '/openapi.json';
}

/** The Cache-Control header of a built file of the admin UI, by its path. */
export function cacheControlOf(path: string): string {
  return HASHED_ASSET.test(path) ? IMMUTABLE : NO_CACHE;
}

/**
 * Serves the admin UI's built files at `/` when `uiDir` holds an `index.html` (unknown
 * non-API paths get `index.html` so client-side routes work), compressed where the build left
 * `.br`/`.gz` copies and the browser accepts them; else the plain home page.
 */
export function homeRoutes(uiDir?: string): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const hasUi = uiDir !== undefined && existsSync(join(uiDir, 'index.html'));
  if (hasUi) {
    // The build writes Brotli and gzip copies beside each file (admin-ui src/build/precompress.ts):
    // sent as they are to a browser that accepts them, with Content-Encoding and Vary.
    // Files under assets/ are named by a hash of their content (a new build, new names): kept by the
    // browser for a year without asking again. The page itself is checked on every load.
    app.use('/*', async (c, next) => {
      if (!isApi(c.req.path)) c.header('Cache-Control', cacheControlOf(c.req.path));
      await next();
    });
    app.use('/*', serveStatic({ root: uiDir, precompressed: true }));
    app.get('*', async (c, next) => {
      if (isApi(c.req.path)) return next();
      c.header('Cache-Control', NO_CACHE);
      return c.html(await readFile(join(uiDir, 'index.html'), 'utf8'));
    });
  } else {
    app.get('/', async (c) => c.html(homePage(await listCouncils(c.var.services.db))));
  }
  return app;
}
