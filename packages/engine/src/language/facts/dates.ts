import type { FactDefinition } from '../fact.js';

/** `assessmentDate`: the date of the assessment (its `date`). */
export const assessmentDate: FactDefinition = {
  name: 'assessmentDate', params: [], valueType: 'date',
  doc: 'The date of the assessment (its `date`).',
  compile: () => ({ get: (s) => s.assessmentDate, label: 'the assessment date' }),
};

/** `asOf`: the date the determination is made for (the assessment date unless given). */
export const asOf: FactDefinition = {
  name: 'asOf', params: [], valueType: 'date',
  doc: 'The date the determination is made for: the assessment date unless `asOf` is given.',
  compile: () => ({ get: (s) => s.asOf, label: 'the determination date' }),
};
