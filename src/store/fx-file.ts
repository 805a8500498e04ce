/** The default USD→EUR rate shipped in data/fx (ECB reference rate, dated). Edge: reads a file. */
import { readFileSync } from 'node:fs';
import { dataPath } from '../catalog/data-dir.js';
import { ecbUsdRate } from '../catalog/ecb.js';
import type { FxRate } from '../money/index.js';

let cached: FxRate | undefined;

export function loadDefaultFx(): FxRate {
  if (cached) return cached;
  const file = dataPath('fx/ecb-eurofxref.xml');
  cached = ecbUsdRate(readFileSync(file, 'utf8'), file);
  return cached;
}
