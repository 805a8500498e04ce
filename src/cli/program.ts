import { Command, CommanderError } from 'commander';
import { NuageError } from '../errors.js';
import { COMMANDS } from './commands/index.js';
import { EXIT_ERROR, EXIT_OK, type CliContext, type CliIo, type CommandModule } from './context.js';

export const VERSION = '0.1.0';

export function buildProgram(ctx: CliContext, commands: readonly CommandModule[] = COMMANDS): Command {
  const program = new Command('nuage')
    .description('Cloud cost estimation and optimization for AWS')
    .version(VERSION)
    .showHelpAfterError()
    .configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s) })
    .exitOverride();
  for (const register of commands) register(program, ctx);
  // Subcommands inherit output handling and exit override.
  const inherit = (cmd: Command): void => {
    for (const sub of cmd.commands) {
      sub.configureOutput({ writeOut: (s) => ctx.io.stdout(s), writeErr: (s) => ctx.io.stderr(s) }).exitOverride();
      inherit(sub);
    }
  };
  inherit(program);
  return program;
}

/**
 * Runs the CLI with `argv` (without node and script) and returns the exit code. Never calls process.exit.
 * `commands` defaults to every registered command (tests may pass modules built with test dependencies).
 */
export async function run(argv: readonly string[], io: CliIo, commands: readonly CommandModule[] = COMMANDS): Promise<number> {
  let exitCode = EXIT_OK;
  const ctx: CliContext = {
    io,
    setExitCode: (code) => {
      exitCode = Math.max(exitCode, code);
    },
  };
  const program = buildProgram(ctx, commands);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end with code 0; usage errors have already been printed by commander.
      return err.exitCode === 0 ? EXIT_OK : EXIT_ERROR;
    }
    if (err instanceof NuageError) {
      io.stderr(`nuage: ${err.message}\n`);
      return err.exitCode;
    }
    io.stderr(unexpected(err, io.env.NUAGE_DEBUG === '1'));
    return EXIT_ERROR;
  }
}

/**
 * An error that is not a NuageError, told in one line: a file-system error names its path, other
 * errors their message. The stack trace is printed only with NUAGE_DEBUG=1.
 */
export function unexpected(err: unknown, debug: boolean): string {
  const e = err as NodeJS.ErrnoException | undefined;
  if (debug) return `nuage: unexpected error: ${e?.stack ?? String(err)}\n`;
  const what =
    e?.code !== undefined && typeof e.path === 'string'
      ? `${e.path}: ${e.code === 'EISDIR' ? 'a directory, not a file' : e.code === 'ENOENT' ? 'no such file' : e.code === 'EACCES' ? 'permission denied' : e.code} (${e.syscall ?? 'file access'})`
      : `${e?.name && e.name !== 'Error' ? `${e.name}: ` : ''}${e?.message ?? String(err)}`;
  return `nuage: unexpected error: ${what}\n(set NUAGE_DEBUG=1 to print the stack trace)\n`;
}
