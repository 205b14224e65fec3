import { describe, expect, it } from 'vitest';
import { examplePack } from '../fixtures/example-pack.js';
import { documentCoverageIds, packIds } from './document-coverage.js';

const pack = examplePack();

describe('the Document coverage record of a council page', () => {
  it('collects the ids the pack declares, its cases included', () => {
    const ids = packIds(pack);
    for (const id of Object.keys(pack.decisions)) expect(ids.has(id)).toBe(true);
    for (const c of pack.cases ?? []) expect(ids.has(c.id)).toBe(true);
    expect(ids.has('no-such-id')).toBe(false);
  });

  it('names the ids of the section only, and reports those the pack lacks', () => {
    const decision = Object.keys(pack.decisions)[0]!;
    const page = `# Council\n\n\`outside-the-section\`\n\n## Document coverage\n\n| s1 | \`${decision}\` \`no-such-rule\` \`pack/cases/*.json\` \`decidedBy\` |\n\n## Next\n\n\`also-outside\`\n`;
    expect(documentCoverageIds(pack, page)).toEqual({ named: [decision, 'no-such-rule', 'decidedBy'], unknown: ['no-such-rule'] });
  });

  it('names nothing on a page without the section', () => {
    expect(documentCoverageIds(pack, '# Council\n\n`anything`\n')).toEqual({ named: [], unknown: [] });
  });
});
