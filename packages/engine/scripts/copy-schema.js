// Writes the published JSON Schema next to the compiled engine (dist/schema/pack.schema.json).
import { writeFileSync } from 'node:fs';
import { packSchema } from '../dist/schema/pack-schema.js';

writeFileSync(new URL('../dist/schema/pack.schema.json', import.meta.url), `${JSON.stringify(packSchema, null, 2)}\n`);
