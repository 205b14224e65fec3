import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Pack, ScheduleEntry } from '@openqaf/engine';
import { dueText, everyText } from './outcome-words.js';

const entry = (form: Partial<ScheduleEntry>): ScheduleEntry => ({ id: 'x', activity: 'visit', label: 'Visit', when: { all: [] }, source: { doc: 'd', section: '1' }, ...form });

describe('outcome words', () => {
  it('say when an action is due, naming the calendar whose bank holidays are skipped', () => {
    expect(dueText(undefined)).toBe('on the assessment date');
    expect(dueText({ days: 7 })).toBe('within 7 days');
    expect(dueText({ days: 1 })).toBe('within 1 day');
    expect(dueText({ workingDays: 1 })).toBe('within 1 working day');
    expect(dueText({ workingDays: 10 })).toBe('within 10 working days');
    expect(dueText({ workingDays: 10, calendar: 'scotland' })).toBe('within 10 working days (Scotland bank holidays skipped)');
  });

  it('say how often a schedule entry recurs, including the nth weekday of each month', () => {
    expect(everyText(entry({ every: { months: 12 } }))).toBe('every 12 months');
    expect(everyText(entry({ perYear: 4 }))).toBe('4 times a year');
    expect(everyText(entry({ perYear: 1 }))).toBe('once a year');
    expect(everyText(entry({ perYear: 2 }))).toBe('twice a year');
    expect(everyText(entry({ every: { months: 1 } }))).toBe('every month');
    expect(everyText(entry({ monthlyOnWeekday: { nth: 2, weekday: 'wednesday' } }))).toBe('the second Wednesday of each month');
    expect(everyText(entry({ monthlyOnWeekday: { nth: 'last', weekday: 'friday' } }))).toBe('the last Friday of each month');
    expect(everyText(entry({ followingWeekday: { weekday: 'friday', after: { nth: 2, weekday: 'wednesday' } } }))).toBe('the Friday following the second Wednesday of each month');
  });

  it("read a declared parameter as its value, never its id (Birmingham's pack)", () => {
    const pack = JSON.parse(readFileSync(`${process.cwd()}/../councils-birmingham/pack/pack.json`, 'utf8')) as Pack;
    // 000 s4.1 Step 2: the IAP "Within 7 days of request"; 002: the assurance statement every 6 months.
    expect(dueText({ days: { param: 'iapSubmitDays' } } as never, pack.parameters)).toBe('within 7 days');
    expect(everyText(entry({ every: { months: { param: 'pqasIntervalMonths' } } as never }), pack.parameters)).toBe('every 6 months');
    // Herefordshire 004 s3.3.2: monthly returns, a parameter of 1 month, read as "every month", not "every 1 months".
    const hereford = JSON.parse(readFileSync(`${process.cwd()}/../councils-herefordshire/pack/pack.json`, 'utf8')) as Pack;
    expect(everyText(entry({ every: { months: { param: 'monitoringReturnsEveryMonths' } } as never }), hereford.parameters)).toBe('every month');
  });
});
