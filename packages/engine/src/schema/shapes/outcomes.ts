import { Type, type Static } from '@sinclair/typebox';
import type { Action } from './action.js';
import type { ScheduleEntry } from './schedule-entry.js';
import type { ScoreDefinition } from './score.js';
import { ref } from './refs.js';

/** `outcomes`: the headline decision, and the actions, schedule and scores that follow from the decisions. */
export const OutcomesSchema = Type.Object({
  headline: Type.String({ description: 'The decision shown as the headline.' }),
  actions: Type.Optional(Type.Array(ref<Action>('action'))),
  schedule: Type.Optional(Type.Array(ref<ScheduleEntry>('scheduleEntry'))),
  scores: Type.Optional(Type.Array(ref<ScoreDefinition>('score'))),
}, { additionalProperties: false });
export type Outcomes = Static<typeof OutcomesSchema>;
