/**
 * The one configuration resolver of the CLI. Settings shared by several commands flow in once, in
 * this order: command-line flags > configuration file > environment > defaults. Every value is
 * checked by the same parser whatever its source; the result is frozen and says where each value
 * came from. The configuration file is `nuage.config.yml` in the working directory, or the file named
 * by `--config` / `$NUAGE_CONFIG` (read by config-file.ts, loaded only when there is a file: its YAML
 * and zod modules cost a tenth of a second of CPU to import).
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadDefaultFx } from '../store/fx-file.js';
import { UsageError } from '../errors.js';
import { isRegionCode } from '../catalog/region-code.js';
import { DEFAULT_HOURS_PER_MONTH, DEFAULT_REGION } from '../estimator/options.js';
import { CURRENCIES, fxFromUsdToEur, isDecimalString, type Currency, type FxRate } from '../money/index.js';
import type { CliIo } from './context.js';

export const DEFAULT_CONFIG_FILE = 'nuage.config.yml';
export { DEFAULT_HOURS_PER_MONTH, DEFAULT_REGION };

/** The configuration keys, in the order they are documented. */
export const CONFIG_KEYS = ['region', 'currency', 'hoursPerMonth', 'usdEur', 'db', 'envRatios', 'tagKey'] as const;
export type ConfigKey = (typeof CONFIG_KEYS)[number];

/** Resolved values: each key has one (defaults fill the gaps; usdEur and envRatios may stay unset). */
export interface ConfigValues {
  /** AWS region code. */
  readonly region: string;
  /** Output currency of estimates and diffs. */
  readonly currency: Currency;
  readonly hoursPerMonth: number;
  /** EUR per 1 USD; unset = the dated ECB rate shipped in data/fx. */
  readonly usdEur?: string;
  /** SQLite file, absolute (or ":memory:"). */
  readonly db: string;
  /** Environment ratios to prod, "name=ratio,…"; unset = prod 1, staging 0.4, dev 0.2, sandbox 0.1. */
  readonly envRatios?: string;
  /** Tag holding the environment in spend data. */
  readonly tagKey: string;
}

export type ConfigOrigin =
  | { readonly kind: 'flag'; readonly name: string }
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'env'; readonly name: string }
  | { readonly kind: 'default' };

export interface ResolvedConfig {
  readonly values: ConfigValues;
  readonly origins: Readonly<Record<ConfigKey, ConfigOrigin>>;
  /** The configuration file read, as given (or the default name), when one was. */
  readonly file?: string;
}

/** Flag values as given on the command line, by configuration key. */
export type ConfigFlags = Partial<Record<ConfigKey, string>>;

/** A value parser: the normalized value, or undefined when `raw` is not acceptable. */
type Parser<T> = (raw: unknown) => T | undefined;

const text = (raw: unknown): string | undefined => (typeof raw === 'string' ? raw.trim() : typeof raw === 'number' && Number.isFinite(raw) ? String(raw) : undefined);

const parseRegion: Parser<string> = (raw) => {
  const v = text(raw)?.toLowerCase();
  return v !== undefined && isRegionCode(v) ? v : undefined;
};
const parseCurrency: Parser<Currency> = (raw) => {
  const v = text(raw)?.toUpperCase();
  return (CURRENCIES as readonly string[]).includes(v ?? '') ? (v as Currency) : undefined;
};
const parseHours: Parser<number> = (raw) => {
  const v = text(raw);
  const n = v !== undefined && isDecimalString(v) ? Number(v) : Number.NaN;
  return n > 0 && n <= 744 ? n : undefined;
};
const parseUsdEur: Parser<string> = (raw) => {
  const v = text(raw);
  return v !== undefined && isDecimalString(v) && Number(v) > 0 ? v : undefined;
};
const parseNonEmpty: Parser<string> = (raw) => {
  const v = typeof raw === 'string' ? raw.trim() : undefined;
  return v ? v : undefined;
};
/** "staging=0.5,dev=0.2", or in the file a map { staging: 0.5, dev: 0.2 }: normalized to "name=ratio,…". */
const parseEnvRatios: Parser<string> = (raw) => {
  const pairs =
    raw !== null && typeof raw === 'object' && !Array.isArray(raw)
      ? Object.entries(raw).map(([k, r]) => [k, text(r)] as const)
      : (text(raw) ?? '').split(',').map((p) => p.trim()).filter(Boolean).map((p) => {
          const m = /^([^=\s]+)\s*=\s*(.+)$/.exec(p);
          return m ? ([m[1]!, m[2]!.trim()] as const) : (['', undefined] as const);
        });
  if (pairs.length === 0) return undefined;
  for (const [name, ratio] of pairs) {
    if (!/^[A-Za-z][\w-]*$/.test(name) || ratio === undefined || !isDecimalString(ratio) || Number(ratio) < 0) return undefined;
  }
  return pairs.map(([name, ratio]) => `${name}=${ratio}`).join(',');
};

interface KeyFacts {
  readonly flag: string;
  readonly env: string;
  readonly expected: string;
  readonly parse: Parser<ConfigValues[ConfigKey]>;
  readonly fallback?: ConfigValues[ConfigKey];
}

/** Per key: its flag, its environment variable, what it accepts, its parser and its default. */
export const CONFIG_FACTS: Readonly<Record<ConfigKey, KeyFacts>> = {
  region: { flag: '--region', env: 'NUAGE_REGION', expected: 'an AWS region code such as eu-west-3', parse: parseRegion, fallback: DEFAULT_REGION },
  currency: { flag: '--currency', env: 'NUAGE_CURRENCY', expected: `one of ${CURRENCIES.join(', ')}`, parse: parseCurrency, fallback: 'EUR' },
  hoursPerMonth: {
    flag: '--hours-per-month',
    env: 'NUAGE_HOURS_PER_MONTH',
    expected: 'a number of hours above 0 and at most 744 (730 = average month, 720 = 30 days)',
    parse: parseHours,
    fallback: DEFAULT_HOURS_PER_MONTH,
  },
  usdEur: { flag: '--usd-eur', env: 'NUAGE_USD_EUR', expected: 'a positive number: EUR per 1 USD, e.g. 0.86', parse: parseUsdEur },
  db: { flag: '--db', env: 'NUAGE_DB', expected: 'the path of the SQLite file', parse: parseNonEmpty, fallback: 'nuage.db' },
  envRatios: {
    flag: '--env',
    env: 'NUAGE_ENV_RATIOS',
    expected: 'ratios to prod such as staging=0.5,dev=0.2 (in the file also a map: { staging: 0.5 })',
    parse: parseEnvRatios,
  },
  tagKey: { flag: '--tag-key', env: 'NUAGE_TAG_KEY', expected: 'a tag key such as env', parse: parseNonEmpty, fallback: 'env' },
};

/** "--region flag", "nuage.config.yml", "NUAGE_REGION", "default". */
export function describeOrigin(origin: ConfigOrigin): string {
  switch (origin.kind) {
    case 'flag':
      return `${origin.name} flag`;
    case 'file':
      return origin.path;
    case 'env':
      return origin.name;
    case 'default':
      return 'default';
  }
}

/** The value of `key` from `raw`, or a UsageError naming `where` (flag, variable or file and key), what is expected and what was given. */
export function parseConfigValue<K extends ConfigKey>(key: K, raw: unknown, where: string): NonNullable<ConfigValues[K]> {
  const v = CONFIG_FACTS[key].parse(raw);
  if (v === undefined) throw new UsageError(`${where}: expected ${CONFIG_FACTS[key].expected}, got ${JSON.stringify(raw)}`);
  return v as NonNullable<ConfigValues[K]>;
}

/** The configuration file to read: --config, else $NUAGE_CONFIG (both must exist), else ./nuage.config.yml when present. */
function configFileOf(io: CliIo, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  if (io.env.NUAGE_CONFIG !== undefined && io.env.NUAGE_CONFIG !== '') return io.env.NUAGE_CONFIG;
  return existsSync(resolve(io.cwd, DEFAULT_CONFIG_FILE)) ? DEFAULT_CONFIG_FILE : undefined;
}

/**
 * Resolves every configuration key: `flags` (as given on the command line) > the configuration file >
 * the environment (`io.env`) > defaults. Relative db paths are taken from the working directory, or
 * from the configuration file's directory for a db set there.
 */
export async function resolveConfig(io: CliIo, flags: ConfigFlags = {}, configFile?: string): Promise<ResolvedConfig> {
  const file = configFileOf(io, configFile);
  const fromFile = file !== undefined ? (await import('./config-file.js')).readConfigFile(io, file) : {};
  const values: Record<string, unknown> = {};
  const origins: Record<string, ConfigOrigin> = {};
  for (const key of CONFIG_KEYS) {
    const facts = CONFIG_FACTS[key];
    const env = io.env[facts.env];
    let value: unknown;
    let origin: ConfigOrigin;
    if (flags[key] !== undefined) {
      value = parseConfigValue(key, flags[key], facts.flag);
      origin = { kind: 'flag', name: facts.flag };
    } else if (fromFile[key] !== undefined) {
      value = parseConfigValue(key, fromFile[key], `${file}: key "${key}"`);
      origin = { kind: 'file', path: file! };
    } else if (env !== undefined && env !== '') {
      value = parseConfigValue(key, env, facts.env);
      origin = { kind: 'env', name: facts.env };
    } else {
      value = facts.fallback;
      origin = { kind: 'default' };
    }
    if (key === 'db' && value !== ':memory:') {
      value = resolve(origin.kind === 'file' ? dirname(resolve(io.cwd, file!)) : io.cwd, value as string);
    }
    if (value !== undefined) values[key] = value;
    origins[key] = Object.freeze(origin);
  }
  return Object.freeze({
    values: Object.freeze(values) as unknown as ConfigValues,
    origins: Object.freeze(origins) as Record<ConfigKey, ConfigOrigin>,
    ...(file !== undefined ? { file } : {}),
  });
}

/** The USD→EUR rate of a configuration: usdEur (dated today, its origin as source), else the ECB rate in data/fx. */
export function configFx(config: ResolvedConfig, io: CliIo): FxRate {
  const rate = config.values.usdEur;
  if (rate === undefined) return loadDefaultFx();
  return fxFromUsdToEur(rate, io.now().toISOString().slice(0, 10), describeOrigin(config.origins.usdEur));
}
