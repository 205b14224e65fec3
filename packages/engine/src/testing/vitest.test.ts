import { examplePack } from '../fixtures/example-pack.js';
import { describeBoundaryCoverage, describeDocumentCoverage, describePackCases } from './vitest.js';
import { hoursCase, sizePack } from '../fixtures/size-pack.js';

// The helper registers one test per case of the example pack (and one that cases exist).
describePackCases({ id: 'example', name: 'Example Council', pack: examplePack() });

// And one test that a page's Document coverage names only the pack's ids.
const pack = examplePack();
describeDocumentCoverage({ id: 'example', name: 'Example Council', pack }, `## Document coverage\n\n| s1 | \`${Object.keys(pack.decisions)[0]!}\` | \`${pack.cases![0]!.id}\` |\n`);

// And the tests that every side of a pack's thresholds is covered by a case or left for a reason.
const sizes = sizePack([hoursCase('h2000-b9', 2000, 9), hoursCase('h2500-b10', 2500, 10), hoursCase('h999-b1', 999, 1), hoursCase('h1000-b1', 1000, 1)]);
describeBoundaryCoverage(sizes, sizes.cases!, {
  leftUncovered: [{ pointer: '/outcomes/actions/0/when', side: 'at-or-below', reason: 'every home in this fixture has a bed' }],
});
