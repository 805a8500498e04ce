import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../src/cli/program.js';
import type { CommandModule } from '../../src/cli/context.js';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * A database path no test shares with a developer's checkout: when a test gives neither `env` nor `cwd`,
 * the CLI's default (./nuage.db in the working directory, i.e. the repository) is replaced by this path,
 * so a nuage.db left in the repository root never leaks into test results.
 */
let isolatedDb: string | undefined;
function isolatedDbPath(): string {
  isolatedDb ??= join(mkdtempSync(join(tmpdir(), 'nuage-cli-test-')), 'nuage.db');
  return isolatedDb;
}

/** Runs the CLI in-process with captured output. */
export async function runCli(
  argv: readonly string[],
  options: { env?: Record<string, string | undefined>; cwd?: string; now?: Date; commands?: readonly CommandModule[] } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: (s) => {
      stdout += s;
    },
    stderr: (s) => {
      stderr += s;
    },
    env: options.env ?? (options.cwd === undefined ? { NUAGE_DB: isolatedDbPath() } : {}),
    cwd: options.cwd ?? process.cwd(),
    now: () => options.now ?? new Date('2026-11-26T12:00:00Z'),
  }, options.commands);
  return { code, stdout, stderr };
}
