import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ServerConfig } from './config.js';
import { startServer } from './server.js';
import { testPlugins } from './app.test-helpers.js';
import { once } from 'node:events';
import { WHAT_IF_WORKERS } from './what-if/what-if-workers.js';

describe('the server over a real port', () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const d of dirs) await rm(d, { recursive: true, force: true });
  });

  it('starts, serves over HTTP, stops, and starts again with its data intact', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qaf-data-'));
    dirs.push(dataDir);
    const config: ServerConfig = {
      port: 0,
      host: '127.0.0.1',
      dataDir,
      adminEmail: 'lead@example.test',
      adminPassword: 'a long admin password',
      secureCookies: false,
    };
    const logs: string[] = [];
    const first = await startServer(config, testPlugins, (m) => logs.push(m));
    let providerId: string;
    try {
      const health = await fetch(`${first.url}/api/health`);
      expect(await health.json()).toEqual({ ok: true, store: 'pglite' });
      // In the background: the what-if workers started with each council's published pack and draft compiled.
      expect(await first.whatIfWarmed).toBe(true);
      const pack = (await (await fetch(`${first.url}/api/councils/testshire/pack`)).json()) as { hash: string };
      expect(first.whatIfWorkers.warmed.get('testshire')).toBe(pack.hash);
      // The seeded draft is the published pack.
      expect(first.whatIfWorkers.warmedDrafts.get('testshire')).toBe(pack.hash);
      const login = await fetch(`${first.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'lead@example.test', password: 'a long admin password' }),
      });
      expect(login.status).toBe(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const created = await fetch(`${first.url}/api/councils/testshire/providers`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'Survives Restart' }),
      });
      expect(created.status).toBe(201);
      providerId = ((await created.json()) as { id: string }).id;
      expect(logs.join('\n')).toContain('created platform admin lead@example.test');
    } finally {
      await first.close();
    }

    const restartLogs: string[] = [];
    const second = await startServer(config, testPlugins, (m) => restartLogs.push(m));
    try {
      expect(second.seeded.every((s) => s.outcome === 'already-present')).toBe(true);
      expect(restartLogs.join('\n')).not.toContain('created platform admin');
      const token = await fetch(`${second.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'lead@example.test', password: 'a long admin password' }),
      });
      const cookie = token.headers.get('set-cookie')!.split(';')[0]!;
      const provider = await fetch(`${second.url}/api/councils/testshire/providers/${providerId}`, { headers: { cookie } });
      expect(((await provider.json()) as { name: string }).name).toBe('Survives Restart');
      const versions = await fetch(`${second.url}/api/councils/testshire/versions`);
      expect(((await versions.json()) as { versions: unknown[] }).versions).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it('stops its what-if worker threads when it closes, also while they are still warming up', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'qaf-data-'));
    dirs.push(dataDir);
    const config: ServerConfig = { port: 0, host: '127.0.0.1', dataDir, adminEmail: 'lead@example.test', adminPassword: 'a long admin password', secureCookies: false };
    const warmed = await startServer(config, testPlugins, () => undefined);
    expect(await warmed.whatIfWarmed).toBe(true);
    const threads = warmed.whatIfWorkers.running;
    expect(threads).toHaveLength(WHAT_IF_WORKERS);
    const exits = threads.map((thread) => once(thread, 'exit'));
    await warmed.close();
    await Promise.all(exits);
    expect(warmed.whatIfWorkers.running).toHaveLength(0);

    // Closed at once: the warm-up still under way starts no worker after the close.
    const closedAtOnce = await startServer(config, testPlugins, () => undefined);
    const starting = closedAtOnce.whatIfWorkers.running.map((thread) => once(thread, 'exit'));
    await closedAtOnce.close();
    await Promise.all(starting);
    await closedAtOnce.whatIfWarmed;
    expect(closedAtOnce.whatIfWorkers.running).toHaveLength(0);
  });
});
