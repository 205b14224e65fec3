// Regenerates docs/pack-schema-reference.md from the built schema.
import { writeFileSync } from 'node:fs';
import { schemaReference } from '../dist/docs/schema-reference.js';

writeFileSync(new URL('../../../docs/pack-schema-reference.md', import.meta.url), schemaReference());
console.log('wrote docs/pack-schema-reference.md');
