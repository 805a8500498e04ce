/**
 * Time-weighted average spot price, the algorithm of aws/amazon-ec2-instance-selector: per AZ, sort
 * the history newest first; each price is weighted by the minutes until the next-newer entry (the
 * newest gets no weight), and the sum is divided by the minutes between the newest and oldest entries.
 * Across AZs, the representative price is the mean of the AZ averages. Computed in double precision as
 * upstream does, so results match it bit for bit; stored as the shortest decimal string of the double.
 */
import { dec } from '../money/index.js';

export interface SpotSample {
  readonly instanceType: string;
  readonly zone: string;
  /** USD/h as published ("0.042300"). */
  readonly usdPerHour: string;
  /** Epoch milliseconds. */
  readonly at: number;
}

export interface SpotAverage {
  readonly instanceType: string;
  /** Mean of the zone averages, USD/h. */
  readonly averageUsdPerHour: string;
  /** Zone → time-weighted average, USD/h. */
  readonly byZone: Readonly<Record<string, string>>;
  readonly samples: number;
  /** Oldest and newest sample, epoch ms. */
  readonly from: number;
  readonly to: number;
}

/** Time-weighted average of one zone's samples (any order). */
export function zoneAverage(samples: readonly { usdPerHour: string; at: number }[]): number {
  if (samples.length === 0) return 0;
  if (samples.length === 1) return Number(samples[0]!.usdPerHour);
  const sorted = [...samples].sort((a, b) => b.at - a.at);
  const totalMinutes = (sorted[0]!.at - sorted[sorted.length - 1]!.at) / 60000;
  if (totalMinutes === 0) return Number(sorted[0]!.usdPerHour);
  let weighted = 0;
  for (let i = 0; i < sorted.length; i++) {
    const newer = sorted[Math.max(i - 1, 0)]!;
    const entry = sorted[i]!;
    weighted += ((newer.at - entry.at) / 60000) * Number(entry.usdPerHour);
  }
  return weighted / totalMinutes;
}

/** Averages per instance type (zones in name order). */
export function spotAverages(samples: readonly SpotSample[]): SpotAverage[] {
  const byType = new Map<string, Map<string, SpotSample[]>>();
  for (const s of samples) {
    let zones = byType.get(s.instanceType);
    if (!zones) byType.set(s.instanceType, (zones = new Map()));
    let list = zones.get(s.zone);
    if (!list) zones.set(s.zone, (list = []));
    list.push(s);
  }
  const out: SpotAverage[] = [];
  for (const [instanceType, zones] of byType) {
    const byZone: Record<string, string> = {};
    let sum = 0;
    let count = 0;
    let from = Infinity;
    let to = -Infinity;
    for (const zone of [...zones.keys()].sort()) {
      const list = zones.get(zone)!;
      const avg = zoneAverage(list);
      byZone[zone] = plain(avg);
      sum += avg;
      for (const s of list) {
        from = Math.min(from, s.at);
        to = Math.max(to, s.at);
      }
      count += list.length;
    }
    out.push({ instanceType, averageUsdPerHour: plain(sum / zones.size), byZone, samples: count, from, to });
  }
  return out.sort((a, b) => a.instanceType.localeCompare(b.instanceType));
}

/** The shortest decimal of a double, in plain notation (no exponent). */
function plain(n: number): string {
  return dec(n).toFixed();
}
