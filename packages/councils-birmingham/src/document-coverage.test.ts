import { readFileSync } from 'node:fs';
import { describeDocumentCoverage } from '@openqaf/engine/vitest';
import plugin from './index.js';

// docs/councils/birmingham.md "Document coverage" records the audit of the pack against the council's documents.
describeDocumentCoverage(plugin, readFileSync(new URL('../../../docs/councils/birmingham.md', import.meta.url), 'utf8'));
