import { describe, expect, it } from 'vitest';
import { projectMonth } from '../../src/spend/forecast.js';
import { daysBetween, weekdayIndex } from '../../src/spend/timestamp.js';

/** prod-like spend: 100 on weekdays, 50 on weekends, from 2026-10-01. */
const weekly = (until: string): Map<string, string> =>
  new Map(daysBetween('2026-10-01', until).map((d) => [d, weekdayIndex(d) >= 5 ? '50' : '100']));

describe('projectMonth', () => {
  it('projects the rest of the month with the weekday pattern of the last 28 days', () => {
    const p = projectMonth(weekly('2026-11-16'), '2026-11', '2026-11-16', '2026-10-01');
    // Nov 1–15: 10 weekdays + 5 weekend days = 1,250; Nov 16–30: 11 weekdays + 4 weekend days = 1,300.
    expect(p).toEqual({ monthToDate: '1250', projected: '2550.00', remainingDays: 15, windowDays: 28, method: 'weekday run rate', dailyRunRate: '85.71' });
  });

  it('falls back to a flat run rate under 7 days of history and says when there is none', () => {
    const daily = new Map(daysBetween('2026-11-01', '2026-11-04').map((d) => [d, '10.5']));
    expect(projectMonth(daily, '2026-11', '2026-11-04', '2026-11-01')).toMatchObject({ monthToDate: '31.5', projected: '315.00', method: 'flat run rate' });
    expect(projectMonth(new Map(), '2026-11', '2026-11-04', undefined)).toMatchObject({ monthToDate: '0', projected: '0.00', method: 'no history' });
  });

  it('a past month is its actuals; days before the first data are not zeros', () => {
    expect(projectMonth(weekly('2026-12-01'), '2026-10', '2026-11-16', '2026-10-01')).toMatchObject({ monthToDate: '2650', projected: '2650.00', method: 'actual', remainingDays: 0 });
    // Data starts 2026-11-09 (a Monday): the 7-day window is 100×5 + 50×2, not diluted by earlier empty days.
    const recent = new Map([...weekly('2026-11-16')].filter(([d]) => d >= '2026-11-09'));
    expect(projectMonth(recent, '2026-11', '2026-11-16', '2026-11-09')).toMatchObject({ windowDays: 7, projected: '1900.00' });
  });

  it('keeps exact month-to-date decimals', () => {
    const daily = new Map([
      ['2026-11-01', '0.0000000000000000001'],
      ['2026-11-02', '2'],
    ]);
    expect(projectMonth(daily, '2026-11', '2026-11-03', '2026-11-01').monthToDate).toBe('2.0000000000000000001');
  });
});
