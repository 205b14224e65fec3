import { readFileSync } from 'node:fs';
import { describeDocumentCoverage } from '@openqaf/engine/vitest';
import plugin from './index.js';

// docs/councils/bolton.md "Document coverage" records the audit of the pack against the council's documents.
describeDocumentCoverage(plugin, readFileSync(new URL('../../../docs/councils/bolton.md', import.meta.url), 'utf8'));
