#!/usr/bin/env node
/**
 * Starts the OpenQAF server from the environment (see `config.ts` and docs/deployment.md).
 */
import { loadConfig } from './config.js';
import { loadCouncilPlugins } from './seed/council-plugins.js';
import { startServer } from './server.js';

const config = loadConfig();
const plugins = await loadCouncilPlugins();
const server = await startServer(config, plugins);
console.log(
  `[server] OpenQAF listening on ${server.url} (store: ${config.databaseUrl ? 'PostgreSQL' : `PGlite in ${config.dataDir}`}; ` +
    `admin UI: ${config.uiDir ?? 'not built, serving the plain home page'})`,
);

let stopping = false;
const stop = (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`[server] ${signal}: shutting down`);
  server.close().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
};
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));
