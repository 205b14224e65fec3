import { caseAssessment } from '@openqaf/engine';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Text } from '../audit/content-hash.js';
import { compile, evaluateCompiled } from '../engine/index.js';
import type { CouncilPlugin } from '../engine/index.js';
import { COUNCIL_PLUGIN_PACKAGES, loadCouncilPlugins } from '../seed/council-plugins.js';
import { determinationTexts } from './stored-result.js';
import { submittedReplyBytes, submittedReplyText } from './submitted-reply.js';
import type { SubmittedReplyParts } from './submitted-reply.js';

const ids = { id: 'a1', providerId: 'p1', date: '2025-03-01', packVersion: '1.0.0', packHash: 'sha256:ab' };

describe('the reply to a submitted assessment, built from its parts', () => {
  it('is exactly these bytes, with and without the explanation, non-ASCII text included', () => {
    const determinationJson = '{"headline":{"value":"Bronze – “near” Silver"},"decisions":{"é":1}}';
    const explanationJson = '{"format":3,"why":["ü ≥ 2 ✓"]}';
    const withExplanation =
      '{"id":"a1","providerId":"p1","date":"2025-03-01","packVersion":"1.0.0","packHash":"sha256:ab","determination":' +
      '{"headline":{"value":"Bronze – “near” Silver"},"decisions":{"é":1},"explanation":{"format":3,"why":["ü ≥ 2 ✓"]}}}';
    const without =
      '{"id":"a1","providerId":"p1","date":"2025-03-01","packVersion":"1.0.0","packHash":"sha256:ab","determination":' +
      '{"headline":{"value":"Bronze – “near” Silver"},"decisions":{"é":1}}}';
    const determinationBytes = Buffer.from(determinationJson, 'utf8');
    for (const parts of [
      { ...ids, determinationJson, explanationJson },
      { ...ids, determinationJson, determinationBytes, explanationJson },
    ] satisfies SubmittedReplyParts[]) {
      expect(submittedReplyText(parts)).toBe(withExplanation);
      expect(submittedReplyBytes(parts).toString('hex')).toBe(Buffer.from(withExplanation, 'utf8').toString('hex'));
    }
    for (const parts of [{ ...ids, determinationJson }, { ...ids, determinationJson, determinationBytes }] satisfies SubmittedReplyParts[]) {
      expect(submittedReplyText(parts)).toBe(without);
      expect(submittedReplyBytes(parts).toString('hex')).toBe(Buffer.from(without, 'utf8').toString('hex'));
    }
  });

  describe('for every case of the councils’ packs', () => {
    let plugins: CouncilPlugin[];
    beforeAll(async () => {
      plugins = await loadCouncilPlugins(COUNCIL_PLUGIN_PACKAGES, () => undefined);
    });

    it('is the JSON of the submitted assessment, the explanation its determination’s last member', () => {
      let checked = 0;
      for (const plugin of plugins) {
        const compiled = compile(plugin.pack, plugin.extensions);
        for (const c of plugin.pack.cases ?? []) {
          if (c.wantError) continue;
          let determination;
          try {
            const assessment = caseAssessment(plugin.pack, c);
            determination = evaluateCompiled(compiled, assessment, { asOf: assessment.date, explain: true });
          } catch {
            continue; // A case the engine refuses gives no reply of this kind.
          }
          const { explanation, ...record } = determination;
          const texts = determinationTexts(record, compiled.pack.interpretations);
          const parts = { ...ids, determinationJson: texts.json, determinationBytes: texts.bytes };
          const explained = { ...parts, explanationJson: JSON.stringify(explanation) };
          const expected = JSON.stringify({ ...ids, determination: { ...record, explanation } });
          expect(submittedReplyBytes(explained).toString('utf8'), c.id).toBe(expected);
          expect(submittedReplyText(explained), c.id).toBe(expected);
          expect(submittedReplyBytes(parts).toString('utf8'), c.id).toBe(JSON.stringify({ ...ids, determination: record }));
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(30);
    });
  });
});

describe('sha256Text', () => {
  it('gives the same hash of a text and of its UTF-8 bytes', () => {
    const text = 'Bronze – “near” Silver ✓';
    expect(sha256Text(Buffer.from(text, 'utf8'))).toBe(sha256Text(text));
    expect(sha256Text('abc')).toBe('sha256:ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});
