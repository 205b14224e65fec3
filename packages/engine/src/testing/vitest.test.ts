import { examplePack } from '../fixtures/example-pack.js';
import { describeDocumentCoverage, describePackCases } from './vitest.js';

// The helper registers one test per case of the example pack (and one that cases exist).
describePackCases({ id: 'example', name: 'Example Council', pack: examplePack() });

// And one test that a page's Document coverage names only the pack's ids.
const pack = examplePack();
describeDocumentCoverage({ id: 'example', name: 'Example Council', pack }, `## Document coverage\n\n| s1 | \`${Object.keys(pack.decisions)[0]!}\` | \`${pack.cases![0]!.id}\` |\n`);
