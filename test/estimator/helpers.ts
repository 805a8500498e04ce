import { fxFromEcb, fxFromUsdToEur, type FxRate } from '../../src/money/index.js';
import { EVENING_PEAK } from '../../src/estimator/load-profile.js';
import { estimateOptions, type EstimateOptions } from '../../src/estimator/options.js';
import { parseInventoryTexts } from '../../src/estimator/inventory/parse-inventory.js';
import type { Inventory } from '../../src/estimator/inventory/types.js';

/** The shipped ECB default (2025-07-18: 1 EUR = 1.165 USD), without reading data/. */
export const ECB_FX: FxRate = fxFromEcb('1.165', '2025-07-18', 'ECB euro foreign exchange reference rate');
export const PARITY: FxRate = fxFromUsdToEur('1', '2026-11-26', '--usd-eur flag');

export function options(o: Partial<EstimateOptions> = {}): EstimateOptions {
  return estimateOptions({ fx: ECB_FX, ...o }, EVENING_PEAK);
}

export function csv(text: string, file = 'inventory.csv'): Inventory {
  return parseInventoryTexts([{ file, text }]);
}

/** The book's worked example: API on 8 VMs, 16 GHz and 32 GB at peak. */
export const WORKED_EXAMPLE = 'app,vm,env,vm_count,peak_cpu_ghz,peak_ram_gb\napi,,prod,8,16,32\n';
