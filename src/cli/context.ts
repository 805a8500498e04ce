import type { Command } from 'commander';
import { resolve } from 'node:path';
import { UsageError } from '../errors.js';

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
  /** SQLite file: --db, else NUAGE_DB, else nuage.db in the working directory. */
  readonly db: string;
  /** Output format as given (validated by each command against its own list). */
  readonly format: string | undefined;
}

export interface CliContext {
  readonly io: CliIo;
  /** Set by a command that finished but breached a policy (exit 2). */
  setExitCode(code: number): void;
}

export type CommandModule = (program: Command, ctx: CliContext) => void;

/** Adds the options every command accepts. Call on each leaf command. */
export function withGlobalOptions(cmd: Command): Command {
  return cmd
    .option('--db <path>', 'SQLite database file (default: $NUAGE_DB or ./nuage.db)')
    .option('--format <format>', 'output format');
}

export function globalOptions(cmd: Command, io: CliIo): GlobalOptions {
  const o = cmd.optsWithGlobals() as { db?: string; format?: string };
  const db = o.db ?? io.env.NUAGE_DB ?? 'nuage.db';
  return { db: db === ':memory:' ? db : resolve(io.cwd, db), format: o.format };
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
