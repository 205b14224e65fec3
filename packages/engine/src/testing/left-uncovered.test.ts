import { describe, expect, it } from 'vitest';
import { readLeftUncovered } from './left-uncovered.js';

const read = (doc: unknown): (() => unknown) => () => readLeftUncovered(JSON.stringify(doc), 'pack/left.json');

describe('readLeftUncovered', () => {
  it('reads each side with its pointer, side, threshold and reason', () => {
    expect(readLeftUncovered(JSON.stringify({ leftUncovered: [{ pointer: '/decisions/a/rules/0/when', side: 'above', threshold: 5, reason: 'only 5 criteria' }] }), 'f.json'))
      .toEqual([{ pointer: '/decisions/a/rules/0/when', side: 'above', threshold: 5, reason: 'only 5 criteria' }]);
  });

  it('names the file and the pointer of the first entry that is not a side left for a reason', () => {
    expect(read({ leftUncovered: [{ pointer: '/d', side: 'above', reason: 'r' }, { pointer: '/d', side: 'over', reason: 'r' }] })).toThrow('pack/left.json#/leftUncovered/1/side: must be one of below, at-or-above, at-or-below, above, at.');
    expect(read({ leftUncovered: [{ pointer: '/d', side: 'above', reason: ' ' }] })).toThrow('pack/left.json#/leftUncovered/0/reason: must say why');
    expect(read({ leftUncovered: [{ pointer: 'd', side: 'above', reason: 'r' }] })).toThrow('#/leftUncovered/0/pointer');
    expect(read({ leftUncovered: [{ pointer: '/d', side: 'above', reason: 'r', because: 'x' }] })).toThrow('#/leftUncovered/0/because: unknown member');
    expect(read({ leftUncovered: [{ pointer: '/d', side: 'above', threshold: true, reason: 'r' }] })).toThrow('#/leftUncovered/0/threshold: must be a number or text');
    // A scale's value or a date compared with names its threshold as text.
    expect(read({ leftUncovered: [{ pointer: '/d', side: 'above', threshold: 'Good', reason: 'r' }] })()).toEqual([{ pointer: '/d', side: 'above', threshold: 'Good', reason: 'r' }]);
    expect(read({ sides: [] })).toThrow('pack/left.json#/leftUncovered: must be a list');
    expect(() => readLeftUncovered('{', 'pack/left.json')).toThrow('pack/left.json: not JSON');
  });
});
