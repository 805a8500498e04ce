import type { Command } from 'commander';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';
import { resolveConfig, type ConfigFlags, type ConfigKey, type ResolvedConfig } from './config.js';

/** Where a command writes and what it sees of the process: injected so tests run commands in-process. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  /** Current time (injectable for tests). */
  readonly now: () => Date;
}

/** Exit codes: 0 success, 1 error, 2 policy/threshold breach. */
export const EXIT_OK = 0;
export const EXIT_ERROR = 1;
export const EXIT_POLICY = 2;

export interface GlobalOptions {
  /** SQLite file: --db, else the config file's db, else NUAGE_DB, else nuage.db in the working directory. */
  readonly db: string;
  /** Output format as given (validated by each command against its own list). */
  readonly format: string | undefined;
  /** The one validated, frozen configuration of this run (flags > config file > environment > defaults). */
  readonly config: ResolvedConfig;
}

export interface CliContext {
  readonly io: CliIo;
  /** Set by a command that finished but breached a policy (exit 2). */
  setExitCode(code: number): void;
}

export type CommandModule = (program: Command, ctx: CliContext) => void;

/**
 * Adds the options every command accepts (--db, --format, --config). Call on each leaf command with
 * its output formats (the first is the default); the help line lists them.
 */
export function withGlobalOptions(cmd: Command, formats?: readonly string[]): Command {
  const formatHelp = formats && formats.length > 0 ? `output format: ${formats.join(' | ')} (default ${formats[0]})` : 'output format';
  return cmd
    .option('--db <path>', 'SQLite database file (default: config file db, $NUAGE_DB, else ./nuage.db)')
    .option('--format <format>', formatHelp)
    .option('--config <file>', 'configuration file (default: $NUAGE_CONFIG, else ./nuage.config.yml when present)');
}

/** Command-line option (commander attribute name) carrying each configuration key, per command. */
const CONFIG_FLAGS = new WeakMap<Command, Partial<Record<ConfigKey, string>>>();

/**
 * Declares that the command's options carry configuration keys: `{ region: 'region', envRatios: 'env' }`
 * maps key → commander attribute. Only declared options feed the resolver, so an option with the same
 * name but another meaning (spend budget --currency: the billing currency) is left alone.
 */
export function configFlags<C extends Command>(cmd: C, flags: Partial<Record<ConfigKey, string>>): C {
  CONFIG_FLAGS.set(cmd, { ...CONFIG_FLAGS.get(cmd), ...flags });
  return cmd;
}

/** The global options of `cmd` and the resolved configuration (reads the configuration file when there is one). */
export async function globalOptions(cmd: Command, io: CliIo): Promise<GlobalOptions> {
  const o = cmd.optsWithGlobals() as Record<string, unknown>;
  const flags: ConfigFlags = {};
  const declared: Partial<Record<ConfigKey, string>> = { db: 'db', ...CONFIG_FLAGS.get(cmd) };
  for (const [key, attr] of Object.entries(declared) as [ConfigKey, string][]) {
    const v = o[attr];
    if (typeof v === 'string') flags[key] = v;
  }
  const config = await resolveConfig(io, flags, typeof o.config === 'string' ? o.config : undefined);
  const db = config.values.db;
  return { db: db === ':memory:' ? db : resolve(io.cwd, db), format: typeof o.format === 'string' ? o.format : undefined, config };
}

/** Validates --format against the command's formats; the first is the default. */
export function pickFormat<F extends string>(given: string | undefined, allowed: readonly F[]): F {
  if (given === undefined) return allowed[0] as F;
  if ((allowed as readonly string[]).includes(given)) return given as F;
  throw new UsageError(`unknown --format "${given}"; expected one of: ${allowed.join(', ')}`);
}

/** Resolves a user-given path against the working directory. */
export function userPath(io: CliIo, path: string): string {
  return resolve(io.cwd, path);
}

const NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

/** A name the user gives to something saved (--save, --budget): 1–64 letters, digits, . _ -, starting with a letter or digit. */
export function savedName(flag: string, value: string): string {
  if (!NAME_RE.test(value)) {
    throw new UsageError(
      `${flag} expects a name of 1 to 64 letters, digits, ".", "_" or "-" starting with a letter or digit, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}
