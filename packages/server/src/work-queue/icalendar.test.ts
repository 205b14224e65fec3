import { describe, expect, it } from 'vitest';
import { escapeText, foldLine, writeCalendar } from './icalendar.js';

describe('iCalendar (RFC 5545)', () => {
  it('escapes backslash, semicolon, comma and line breaks in text', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).toBe('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('folds lines longer than 75 octets with CRLF and a space, never inside a character', () => {
    const line = `SUMMARY:${'x'.repeat(70)}`;
    const folded = foldLine(line);
    const parts = folded.split('\r\n');
    expect(parts[0]).toHaveLength(75);
    expect(parts[1]).toBe(` ${'x'.repeat(3)}`);
    expect(folded.replace(/\r\n /g, '')).toBe(line);
    const wide = foldLine(`SUMMARY:${'é'.repeat(60)}`); // 2 octets each
    for (const part of wide.split('\r\n')) expect(Buffer.byteLength(part, 'utf8')).toBeLessThanOrEqual(75);
    expect(wide.replace(/\r\n /g, '')).toBe(`SUMMARY:${'é'.repeat(60)}`);
    expect(foldLine('SHORT:1')).toBe('SHORT:1');
  });

  it('writes all-day events ending the next day, lines ending CRLF', () => {
    const text = writeCalendar('Testshire', [{ uid: 'visit-p1-annual@openqaf', date: '2026-12-31', summary: 'Annual visit, Bronze Late', categories: ['visit'] }], new Date('2026-12-01T10:20:30.456Z'));
    expect(text.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(text.split('\r\n')).toEqual(
      expect.arrayContaining(['DTSTART;VALUE=DATE:20261231', 'DTEND;VALUE=DATE:20270101', 'DTSTAMP:20261201T102030Z', 'SUMMARY:Annual visit\\, Bronze Late', 'CATEGORIES:visit']),
    );
    expect(text.replace(/\r\n/g, '')).not.toMatch(/\n/);
  });
});
