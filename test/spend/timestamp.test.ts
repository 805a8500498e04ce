import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, isDay, isoWeek, parseTimestamp, weekdayIndex } from '../../src/spend/timestamp.js';

describe('parseTimestamp', () => {
  it('normalizes FOCUS, CUR and CUR 2.0 forms to UTC seconds', () => {
    expect(parseTimestamp('2023-01-01T00:00:00Z')).toEqual({ iso: '2023-01-01T00:00:00Z', rolledOver: false });
    expect(parseTimestamp('2023-06-01 01:00:00')?.iso).toBe('2023-06-01T01:00:00Z');
    expect(parseTimestamp('2022-07-01 00:00:00.000')?.iso).toBe('2022-07-01T00:00:00Z');
    expect(parseTimestamp('2026-11-01')?.iso).toBe('2026-11-01T00:00:00Z');
    expect(parseTimestamp('2026-11-01T02:30+02:00')?.iso).toBe('2026-11-01T00:30:00Z');
    expect(parseTimestamp('2026-11-01T00:00:00-05:00')?.iso).toBe('2026-11-01T05:00:00Z');
  });

  it('rolls an hour past 23 into the next day (FOCUS spec example typo) and says so', () => {
    expect(parseTimestamp('2023-02-01T30:00:00Z')).toEqual({ iso: '2023-02-02T06:00:00Z', rolledOver: true });
  });

  it('rejects impossible dates and garbage', () => {
    for (const bad of ['2023-02-30T00:00:00Z', '2023-13-01', '2023-01-01T10:61:00Z', 'yesterday', '01/02/2023', '']) {
      expect(parseTimestamp(bad)).toBeUndefined();
    }
  });
});

describe('calendar helpers', () => {
  it('walks days, weeks and weekdays', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(daysBetween('2026-10-30', '2026-11-02')).toEqual(['2026-10-30', '2026-10-31', '2026-11-01']);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(weekdayIndex('2026-11-23')).toBe(0); // a Monday
    expect(weekdayIndex('2026-11-29')).toBe(6);
    expect(isoWeek('2026-11-26')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2024-12-30')).toBe('2025-W01');
  });
});
