/**
 * The configuration file: a YAML mapping of the keys of config.ts, checked against a zod strict
 * object (a key nuage does not know is an error listing the known ones), each value then parsed by
 * the resolver. Loaded on demand: yaml and zod cost about a tenth of a second of CPU to import.
 */
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { CONFIG_KEYS, parseConfigValue, type ConfigKey } from './config.js';
import type { CliIo } from './context.js';
import { readUserText } from './files.js';

/** The shape of the file: only known keys (values are parsed by the resolver, the same way as flags and environment). */
export const CONFIG_FILE_SCHEMA = z.strictObject(Object.fromEntries(CONFIG_KEYS.map((k) => [k, z.unknown().optional()])));

/** Reads a configuration file (`shown` as given, relative to the working directory): its settings by key, values checked. */
export function readConfigFile(io: CliIo, shown: string): Partial<Record<ConfigKey, unknown>> {
  const text = readUserText(io, shown, 'configuration file (YAML)');
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (err) {
    const at = err instanceof YAMLParseError && err.linePos ? ` (line ${err.linePos[0].line}, column ${err.linePos[0].col})` : '';
    const problem = (err as Error).message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw new UsageError(`${shown}: not valid YAML${at}: ${problem}`);
  }
  if (doc === null || doc === undefined) return {};
  const r = CONFIG_FILE_SCHEMA.safeParse(doc);
  if (!r.success) {
    const unknown = r.error.issues.flatMap((i) => (i.code === 'unrecognized_keys' ? i.keys : []));
    if (unknown.length > 0) {
      throw new UsageError(`${shown}: unknown key${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => `"${k}"`).join(', ')}; known keys: ${CONFIG_KEYS.join(', ')}`);
    }
    throw new UsageError(`${shown}: expected a mapping of settings (key: value), e.g. "region: eu-west-3"; known keys: ${CONFIG_KEYS.join(', ')}`);
  }
  const settings: Partial<Record<ConfigKey, unknown>> = {};
  for (const key of CONFIG_KEYS) {
    const raw = r.data[key];
    if (raw !== undefined && raw !== null) settings[key] = raw;
  }
  for (const [key, raw] of Object.entries(settings) as [ConfigKey, unknown][]) parseConfigValue(key, raw, `${shown}: key "${key}"`);
  return settings;
}
