// Writes the UK bank holiday calendars the engine ships as data
// (src/language/calendars/uk-bank-holidays.json), at development time, from the `date-holidays`
// package (a devDependency: the engine reads only the committed JSON). The dates are the ones
// GOV.UK publishes (https://www.gov.uk/bank-holidays): the bank and public holidays of each
// division that fall on a weekday, so a holiday on a weekend appears as its substitute day.
// src/language/calendars/calendars.test.ts checks the result against dates from the government's list.
// Run: node scripts/generate-bank-holidays.js [fromYear] [toYear]
import { writeFileSync } from 'node:fs';
import Holidays from 'date-holidays';

const FROM = Number(process.argv[2] ?? 2015);
const TO = Number(process.argv[3] ?? 2028);
const DIVISIONS = [
  { name: 'england-and-wales', label: 'England and Wales', regions: ['ENG', 'WLS'] },
  { name: 'scotland', label: 'Scotland', regions: ['SCT'] },
  { name: 'northern-ireland', label: 'Northern Ireland', regions: ['NIR'] },
];

function holidays(region) {
  const h = new Holidays('GB', region);
  const out = [];
  for (let y = FROM; y <= TO; y++) {
    for (const x of h.getHolidays(y)) {
      if (x.type !== 'public' && x.type !== 'bank') continue;
      const date = x.date.slice(0, 10);
      const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (wd === 0 || wd === 6) continue;
      if (!out.some((o) => o.date === date)) out.push({ date, title: x.name });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}

const calendars = {};
for (const d of DIVISIONS) {
  const [first, ...rest] = d.regions.map(holidays);
  for (const [i, other] of rest.entries()) {
    if (JSON.stringify(other.map((o) => o.date)) !== JSON.stringify(first.map((o) => o.date))) {
      throw new Error(`${d.regions[i + 1]} differs from ${d.regions[0]}, but GOV.UK publishes one list for ${d.label}.`);
    }
  }
  calendars[d.name] = { label: d.label, holidays: first };
}

const data = {
  source: 'UK bank holidays as published by the UK government (https://www.gov.uk/bank-holidays), generated with the date-holidays npm package 3.37.0 (GB, regions ENG/WLS, SCT, NIR) by packages/engine/scripts/generate-bank-holidays.js',
  generatedOn: new Date().toISOString().slice(0, 10),
  years: { from: FROM, to: TO },
  calendars,
};
writeFileSync(new URL('../src/language/calendars/uk-bank-holidays.json', import.meta.url), `${JSON.stringify(data, null, 1)}\n`);
