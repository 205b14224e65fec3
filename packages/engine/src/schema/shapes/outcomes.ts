import { Type, type Static } from '@sinclair/typebox';
import type { Action } from './action.js';
import type { ScheduleEntry } from './schedule-entry.js';
import type { ScoreDefinition } from './score.js';
import type { Warning } from './warning.js';
import { ref } from './refs.js';

/** `outcomes`: the headline decision, and the actions, schedule, scores and warnings that follow from the decisions. */
export const OutcomesSchema = Type.Object({
  headline: Type.String({ description: 'The decision shown as the headline.' }),
  actions: Type.Optional(Type.Array(ref<Action>('action'))),
  schedule: Type.Optional(Type.Array(ref<ScheduleEntry>('scheduleEntry'))),
  scores: Type.Optional(Type.Array(ref<ScoreDefinition>('score'))),
  /** Warnings about the determination itself, shown with it while their condition holds. */
  warnings: Type.Optional(Type.Array(ref<Warning>('warning'))),
}, { additionalProperties: false });
export type Outcomes = Static<typeof OutcomesSchema>;
