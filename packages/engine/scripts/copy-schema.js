// Writes the published JSON Schemas next to the compiled engine (dist/schema/*.schema.json).
import { writeFileSync } from 'node:fs';
import { packSchema } from '../dist/schema/pack-schema.js';
import { assessmentJsonSchema, determinationJsonSchema } from '../dist/schema/determination-schema.js';

const write = (name, schema) => writeFileSync(new URL(`../dist/schema/${name}`, import.meta.url), `${JSON.stringify(schema, null, 2)}\n`);
write('pack.schema.json', packSchema);
write('assessment.schema.json', assessmentJsonSchema);
write('determination.schema.json', determinationJsonSchema);
