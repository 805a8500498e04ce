/**
 * Daily load profiles: 24 hourly factors of the peak (hour 0 = 00:00–01:00). The built-in
 * "evening-peak" shape is a media platform's day: full load 20:30–23:00, a smaller lunch peak,
 * a night trough. A profile file holds 24 numbers (comma, space or line separated; "#" comments).
 */
import { InputError } from '../errors.js';
import { instancesFor } from './demand.js';
import type { LoadProfile } from './options.js';

export const EVENING_PEAK: LoadProfile = {
  name: 'evening-peak (built-in: peak 20:30–23:00, lunch peak 12:00–14:00)',
  factors: [
    0.45, 0.3, 0.2, 0.15, 0.15, 0.15, 0.2, 0.3, 0.4, 0.45, 0.5, 0.55, // 00–11
    0.65, 0.65, 0.5, 0.45, 0.45, 0.5, 0.6, 0.7, 0.85, 1, 1, 0.7, // 12–23 (20:30 start → hour 20 mostly at peak)
  ],
};

export function parseLoadProfile(text: string, file: string): LoadProfile {
  const tokens = text
    .split('\n')
    .map((l) => l.replace(/#.*$/, ''))
    .join(' ')
    .split(/[\s,;]+/)
    .filter(Boolean);
  if (tokens.length !== 24) throw new InputError({ file }, `a load profile has 24 hourly factors, found ${tokens.length}`);
  const factors = tokens.map((t, i) => {
    const n = Number(t);
    if (!/^\d*\.?\d+$/.test(t) || !Number.isFinite(n)) throw new InputError({ file, field: `hour ${i}` }, `factor must be a number, got "${t}"`);
    return n;
  });
  const peak = Math.max(...factors);
  if (peak <= 0) throw new InputError({ file }, 'a load profile needs at least one factor above 0');
  // Factors are relative to the peak: a profile given in requests/s or % is normalised to max = 1.
  return { name: `file ${file}`, factors: factors.map((f) => f / peak) };
}

/**
 * Instance-hours per day when the count follows the load: hour by hour, the count covering
 * need × factor (CPU and RAM both scale), never below `min`.
 */
export function profileInstanceHoursPerDay(
  needVcpu: number,
  needMemoryGiB: number,
  vcpu: number,
  memoryGiB: number,
  min: number,
  profile: LoadProfile,
): number {
  let total = 0;
  for (const f of profile.factors) total += instancesFor(needVcpu * f, needMemoryGiB * f, vcpu, memoryGiB, min);
  return total;
}
