import { describe, expect, it } from 'vitest';
import { CALENDARS, CALENDAR_BY_NAME, CALENDAR_SOURCE, CalendarRangeError, checkCalendarName, workingDayAdder } from './calendars.js';
import { validatePack } from '../../schema/validate-pack.js';
import { compilePack } from '../../compile/compile-pack.js';
import { compileExpression } from '../../compile/compile-expression.js';
import { initialState } from '../../evaluate/evaluate.js';
import { examplePack } from '../../fixtures/example-pack.js';
import { EvaluationError } from '../../errors.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { caseAssessment } from '../../testing/run-cases.js';
import type { Expression, Pack } from '../../types.js';

const holiday = (calendar: string, date: string): boolean => CALENDAR_BY_NAME.get(calendar)!.holidays.has(date);

describe('the UK bank holiday calendars', () => {
  it('ship the three GOV.UK divisions with their source, generation date and years', () => {
    expect(CALENDARS.map((c) => c.name)).toEqual(['england-and-wales', 'scotland', 'northern-ireland']);
    expect(CALENDAR_SOURCE.source).toContain('https://www.gov.uk/bank-holidays');
    expect(CALENDAR_SOURCE.generatedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    for (const c of CALENDARS) expect([c.from, c.to], c.name).toEqual([2015, 2028]);
  });

  it('hold the one-off days the government announced, in every division', () => {
    for (const c of CALENDARS) {
      for (const d of ['2020-05-08', '2022-06-02', '2022-06-03', '2022-09-19', '2023-05-08']) expect(holiday(c.name, d), `${c.name} ${d}`).toBe(true);
      // VE Day 2020 moved the early May bank holiday from Monday 4 May.
      expect(holiday(c.name, '2020-05-04'), c.name).toBe(false);
      // The Platinum Jubilee moved the spring bank holiday from Monday 30 May 2022.
      expect(holiday(c.name, '2022-05-30'), c.name).toBe(false);
    }
  });

  it('hold Scotland\'s 2 January and St Andrew\'s Day, with their substitute days, and not in England and Wales', () => {
    for (const d of ['2020-01-02', '2022-01-03', '2022-01-04', '2021-11-30', '2019-12-02', '2025-12-01', '2026-11-30']) expect(holiday('scotland', d), d).toBe(true);
    // 30 November 2019 and 2025 fell on a weekend: the substitute Monday is the holiday.
    expect(holiday('scotland', '2019-11-30')).toBe(false);
    expect(holiday('scotland', '2025-11-30')).toBe(false);
    for (const d of ['2020-01-02', '2021-11-30', '2025-12-01']) expect(holiday('england-and-wales', d), d).toBe(false);
    // Scotland's summer bank holiday is the first Monday of August, and Easter Monday is not one.
    expect(holiday('scotland', '2023-08-07')).toBe(true);
    expect(holiday('scotland', '2023-08-28')).toBe(false);
    expect(holiday('scotland', '2023-04-10')).toBe(false);
    expect(holiday('england-and-wales', '2023-04-10')).toBe(true);
  });

  it('hold Northern Ireland\'s 17 March and 12 July, with their substitute days', () => {
    for (const d of ['2023-03-17', '2023-07-12', '2020-07-13', '2024-03-18', '2021-07-12']) expect(holiday('northern-ireland', d), d).toBe(true);
    expect(holiday('northern-ireland', '2024-03-17')).toBe(false);
    for (const d of ['2023-03-17', '2023-07-12']) {
      expect(holiday('england-and-wales', d), d).toBe(false);
      expect(holiday('scotland', d), d).toBe(false);
    }
  });

  it('list only weekdays', () => {
    for (const c of CALENDARS) for (const d of c.holidays) expect([0, 6], `${c.name} ${d}`).not.toContain(new Date(`${d}T00:00:00Z`).getUTCDay());
  });
});

describe('working days on a calendar', () => {
  it('skip the calendar\'s bank holidays, and only Saturdays and Sundays without one', () => {
    // Friday 19 December 2025 plus 5 working days: Christmas and Boxing Day are skipped.
    expect(workingDayAdder('england-and-wales', '/x')('2025-12-19', 5)).toBe('2025-12-30');
    expect(workingDayAdder(undefined, '/x')('2025-12-19', 5)).toBe('2025-12-26');
    // Friday 28 November 2025: St Andrew's Day's substitute Monday is a holiday in Scotland only.
    expect(workingDayAdder('scotland', '/x')('2025-11-28', 1)).toBe('2025-12-02');
    expect(workingDayAdder('england-and-wales', '/x')('2025-11-28', 1)).toBe('2025-12-01');
    expect(workingDayAdder('northern-ireland', '/x')('2023-07-11', 1)).toBe('2023-07-13');
    expect(workingDayAdder('northern-ireland', '/x')('2023-07-11', 0)).toBe('2023-07-11');
  });

  it('stop with an error naming the place, the date and the years covered when a day falls outside them', () => {
    expect(workingDayAdder('scotland', '/x')('2028-12-28', 1)).toBe('2028-12-29');
    expect(() => workingDayAdder('scotland', '/outcomes/actions/0/due')('2028-12-29', 1)).toThrow(CalendarRangeError);
    expect(() => workingDayAdder('scotland', '/outcomes/actions/0/due')('2028-12-29', 1)).toThrow(EvaluationError);
    expect(() => workingDayAdder('scotland', '/outcomes/actions/0/due')('2028-12-29', 1))
      .toThrow('/outcomes/actions/0/due: 2029-01-01 is outside the years the Scotland calendar ("scotland") covers, 2015 to 2028.');
    expect(() => workingDayAdder('england-and-wales', '/a')('2014-12-31', 1)).toThrow('2014-12-31 is outside the years');
    // Without a calendar any year is fine, as before.
    expect(workingDayAdder(undefined, '/a')('2014-12-31', 1)).toBe('2015-01-01');
  });

  it('reports an unknown calendar name at its pointer with the known names', () => {
    const errors: string[] = [];
    checkCalendarName('wales', '/p', (p, m, h) => errors.push(`${p}: ${m} ${h}`));
    checkCalendarName('scotland', '/q', (p, m, h) => errors.push(`${p}: ${m} ${h}`));
    expect(errors).toEqual(['/p: Unknown calendar "wales". Use one of "england-and-wales", "scotland", "northern-ireland".']);
  });
});

describe('a calendar in a pack', () => {
  const withCalendar = (due: object, expr: Expression): Pack => {
    const pack = structuredClone(examplePack());
    const action = pack.outcomes.actions![0]!;
    action.due = { ...due, from: expr } as never;
    return pack;
  };

  it('reports an unknown calendar and a calendar on a unit other than working days, with schema errors, at their pointers', () => {
    const r = validatePack(withCalendar({ days: 3, calendar: 'scotland' }, { addWorkingDays: 2, to: { fact: 'assessmentDate' }, calendar: 'atlantis' }));
    expect(r.errors.map((e) => [e.pointer, e.message, e.hint])).toEqual(expect.arrayContaining([
      ['/outcomes/actions/0/due/calendar', 'Action "' + examplePack().outcomes.actions![0]!.id + '" names a calendar, but only working days skip bank holidays.', 'Give the due time in workingDays, or remove the calendar.'],
      ['/outcomes/actions/0/due/from/calendar', 'Unknown calendar "atlantis".', 'Use one of "england-and-wales", "scotland", "northern-ireland".'],
    ]));
    expect(validatePack(withCalendar({ workingDays: 3, calendar: 'mars' }, '2025-01-01')).errors.map((e) => e.pointer)).toEqual(['/outcomes/actions/0/due/calendar']);
    expect(validatePack(withCalendar({ workingDays: 3, calendar: 'scotland' }, { addWorkingDays: 2, to: '2025-01-01', calendar: 'northern-ireland' })).valid).toBe(true);
  });

  it('gives an action due in working days on a calendar, and stops evaluation naming the due pointer outside its years', () => {
    const pack = structuredClone(examplePack());
    pack.outcomes.actions![0]!.due = { workingDays: 5, calendar: 'england-and-wales' };
    const compiled = compilePack(pack);
    const due = (date: string) => evaluate(compiled, caseAssessment(pack, { id: 'late', note: 'late', input: { date, facts: { statementLate: true } }, fillJudgements: 'Fully met', want: {} }))
      .actions.find((a) => a.id === 'improvement-plan')?.due;
    // Friday 19 December 2025: Christmas Day and Boxing Day are not working days in England.
    expect(due('2025-12-19')).toBe('2025-12-30');
    expect(() => due('2030-03-01')).toThrow('/outcomes/actions/0/due: 2030-03-01 is outside the years the England and Wales calendar');
  });

  it('evaluates addWorkingDays on a calendar, and names the expression when a date is outside its years', () => {
    const compiled = compilePack(examplePack());
    const s = initialState(compiled, { date: '2025-06-01', judgements: {}, facts: {} }, '2025-06-01');
    const scope = { index: compiled.index, extensions: {}, domainIndex: -1, countSlots: new Map<string, number>() };
    expect(compileExpression({ addWorkingDays: 5, to: '2025-12-19', calendar: 'england-and-wales' }, scope)(s)).toBe('2025-12-30');
    expect(compileExpression({ addWorkingDays: 5, to: '2025-12-19' }, scope)(s)).toBe('2025-12-26');
    expect(compileExpression({ addWorkingDays: 5, to: 'soon', calendar: 'scotland' }, scope)(s)).toBeUndefined();
    expect(() => compileExpression({ addWorkingDays: 5, to: '2030-01-01', calendar: 'scotland' }, scope, undefined, '/decisions/x/rules/0/output')(s))
      .toThrow('/decisions/x/rules/0/output: 2030-01-01 is outside the years');
  });

  it('names the JSON pointer of an addWorkingDays expression inside a pack, not its JSON text, when a date is outside the calendar', () => {
    const pack = withCalendar({ days: 3 }, { addWorkingDays: 2, to: { fact: 'assessmentDate' }, calendar: 'scotland' });
    const compiled = compilePack(pack);
    const run = (date: string) => evaluate(compiled, caseAssessment(pack, { id: 'late', note: 'late', input: { date, facts: { statementLate: true } }, fillJudgements: 'Fully met', want: {} }));
    expect(run('2025-06-02').actions.find((a) => a.id === 'improvement-plan')?.due).toBe('2025-06-07');
    let thrown: unknown;
    try { run('2030-03-01'); } catch (e) { thrown = e; }
    expect(thrown).toBeInstanceOf(CalendarRangeError);
    expect((thrown as Error).message).toBe('/outcomes/actions/0/due/from: 2030-03-01 is outside the years the Scotland calendar ("scotland") covers, 2015 to 2028.');
    expect((thrown as Error).message).not.toContain('{');
  });
});
