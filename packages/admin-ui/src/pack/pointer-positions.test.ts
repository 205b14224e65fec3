import { describe, expect, it } from 'vitest';
import { pointerPositions } from './pointer-positions.js';

describe('pointerPositions', () => {
  it('finds the text of each value by its JSON pointer', () => {
    const text = '{\n  "a": [1, {"b/c": "x"}],\n  "d": true\n}';
    const map = pointerPositions(text)!;
    const at = (p: string) => text.slice(map.get(p)!.from, map.get(p)!.to);
    expect(at('/a/0')).toBe('1');
    expect(at('/a/1/b~1c')).toBe('"x"');
    expect(at('/d')).toBe('true');
    expect(at('')).toBe(text);
  });

  it('handles escaped quotes and empty containers', () => {
    const map = pointerPositions('{"s":"a\\"b","o":{},"l":[]}')!;
    expect(map.has('/s')).toBe(true);
    expect(map.get('/o')).toEqual({ from: 16, to: 18 });
  });

  it('gives up on text that is not JSON', () => {
    expect(pointerPositions('{"a": }')).toBeUndefined();
    expect(pointerPositions('{"a": 1} x')).toBeUndefined();
  });
});
