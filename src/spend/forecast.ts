/**
 * Month-end projection from daily spend: month-to-date actuals plus, for each remaining day, a run
 * rate shaped by the day-of-week pattern of the last 28 complete days (weekends often cost less).
 *
 *   factor(w)   = mean spend on weekday w / mean daily spend      (window ≥ 7 days, else flat)
 *   level       = mean over the window of spend(d) / factor(weekday(d))
 *   remaining d = level × factor(weekday(d))
 *
 * Days before the first day with any data are not counted as zero spend. Exact decimals (big.js);
 * the projection is rounded to cents.
 */
import BigImport from 'big.js';
import { addDays, daysBetween, weekdayIndex } from './timestamp.js';

const Big = BigImport as unknown as typeof BigImport;
type Big = InstanceType<typeof Big>;

export const WINDOW_DAYS = 28;

export interface Projection {
  /** Exact spend of the month's complete days. */
  readonly monthToDate: string;
  /** monthToDate + projected remaining days, rounded to cents. */
  readonly projected: string;
  /** Days of the month still to come (asOf and later). */
  readonly remainingDays: number;
  /** Days of history the run rate rests on. */
  readonly windowDays: number;
  readonly method: 'actual' | 'weekday run rate' | 'flat run rate' | 'no history';
  /** Mean daily spend of the window, rounded to cents. */
  readonly dailyRunRate: string;
}

/**
 * @param daily exact daily spend (decimal strings) by day "YYYY-MM-DD"; days absent = no spend
 * @param month "YYYY-MM"
 * @param asOf first day not yet complete ("today"); days before it are actuals
 * @param firstDataDay first day any data exists for (days before are unknown, not zero)
 */
export function projectMonth(daily: ReadonlyMap<string, string>, month: string, asOf: string, firstDataDay: string | undefined): Projection {
  const start = `${month}-01`;
  const end = nextMonthStart(month);
  const value = (d: string): Big => new Big(daily.get(d) ?? '0');
  const completeEnd = asOf < end ? asOf : end;
  const actualDays = start < completeEnd ? daysBetween(start, completeEnd) : [];
  const mtd = actualDays.reduce((s, d) => s.plus(value(d)), new Big(0));
  const remaining = asOf < end ? daysBetween(asOf > start ? asOf : start, end) : [];
  const windowStart = addDays(asOf, -WINDOW_DAYS);
  const from = firstDataDay && firstDataDay > windowStart ? firstDataDay : windowStart;
  const window = firstDataDay !== undefined && from < asOf ? daysBetween(from, asOf) : [];
  const base = { monthToDate: mtd.toFixed(), remainingDays: remaining.length, windowDays: window.length };
  if (remaining.length === 0) return { ...base, projected: mtd.round(2).toFixed(2), method: 'actual', dailyRunRate: meanOf(window, value).round(2).toFixed(2) };
  if (window.length === 0) return { ...base, projected: mtd.round(2).toFixed(2), method: 'no history', dailyRunRate: '0.00' };
  const mean = meanOf(window, value);
  const factors = window.length >= 7 ? weekdayFactors(window, value, mean) : null;
  const level = factors ? meanOf(window.filter((d) => !(factors[weekdayIndex(d)] as Big).eq(0)), (d) => value(d).div(factors[weekdayIndex(d)] as Big)) : mean;
  const rest = remaining.reduce((s, d) => s.plus(factors ? level.times(factors[weekdayIndex(d)] as Big) : level), new Big(0));
  return {
    ...base,
    projected: mtd.plus(rest).round(2).toFixed(2),
    method: factors ? 'weekday run rate' : 'flat run rate',
    dailyRunRate: mean.round(2).toFixed(2),
  };
}

function meanOf(days: readonly string[], f: (d: string) => Big): Big {
  if (days.length === 0) return new Big(0);
  return days.reduce((s, d) => s.plus(f(d)), new Big(0)).div(days.length);
}

/** factor per weekday (0 = Monday); 1 where the weekday is absent or the mean is zero. */
export function weekdayFactors(days: readonly string[], value: (d: string) => Big, mean: Big): Big[] {
  const sums = Array.from({ length: 7 }, () => new Big(0));
  const counts = new Array<number>(7).fill(0);
  for (const d of days) {
    const w = weekdayIndex(d);
    sums[w] = (sums[w] as Big).plus(value(d));
    counts[w] = (counts[w] as number) + 1;
  }
  return sums.map((s, w) => (mean.eq(0) || counts[w] === 0 ? new Big(1) : s.div(counts[w] as number).div(mean)));
}

export function nextMonthStart(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}
