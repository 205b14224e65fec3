import type { ScaleOperatorDefinition } from '../operator.js';

/** `atLeast`: the fact is the value or higher on its scale. */
export const atLeast: ScaleOperatorDefinition = {
  kind: 'scale', name: 'atLeast', words: 'is at least',
  doc: "The fact is the value or higher on the fact's scale (`x-scale`), or as a number.",
  compareRanks: (x, y) => x >= y,
};

/** `atMost`: the fact is the value or lower on its scale. */
export const atMost: ScaleOperatorDefinition = {
  kind: 'scale', name: 'atMost', words: 'is at most',
  doc: "The fact is the value or lower on the fact's scale, or as a number.",
  compareRanks: (x, y) => x <= y,
};

/** `above`: the fact is higher than the value on its scale. */
export const above: ScaleOperatorDefinition = {
  kind: 'scale', name: 'above', words: 'is above',
  doc: "The fact is higher than the value on the fact's scale, or as a number.",
  compareRanks: (x, y) => x > y,
};

/** `below`: the fact is lower than the value on its scale. */
export const below: ScaleOperatorDefinition = {
  kind: 'scale', name: 'below', words: 'is below',
  doc: "The fact is lower than the value on the fact's scale, or as a number.",
  compareRanks: (x, y) => x < y,
};
