// Copies the SQL migrations next to the compiled store module (tsc copies only TypeScript).
import { cpSync, mkdirSync } from 'node:fs';
import { URL, fileURLToPath } from 'node:url';

const from = fileURLToPath(new URL('../src/store/migrations/', import.meta.url));
const to = fileURLToPath(new URL('../dist/store/migrations/', import.meta.url));
mkdirSync(to, { recursive: true });
cpSync(from, to, { recursive: true });
