/**
 * Edge: every file a user names on the command line is read through here, so a directory, a
 * missing path or an unreadable file is an InputError naming the path (as typed) and what was
 * expected, never an EISDIR/ENOENT stack trace.
 */
import { accessSync, constants, createReadStream, readFileSync, statSync, type ReadStream, type Stats } from 'node:fs';
import { resolve } from 'node:path';
import { InputError } from '../errors.js';
import type { CliIo } from './context.js';

export interface UserFile {
  /** Absolute path. */
  readonly path: string;
  /** The path as the user typed it (used in messages). */
  readonly shown: string;
  readonly size: number;
}

function statOf(path: string, shown: string, what: string): Stats {
  try {
    return statSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') throw new InputError({ file: shown }, `no such file; expected the ${what}`);
    throw new InputError({ file: shown }, `cannot read ${what}: ${describeCode(code, err)}`);
  }
}

function describeCode(code: string | undefined, err: unknown): string {
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return code ?? (err as Error).message;
}

/**
 * Checks that `given` (relative to the working directory) names a readable regular file.
 * `what` says what the file is for, e.g. "Terraform plan JSON", "usage file".
 */
export function userFile(io: CliIo, given: string, what: string): UserFile {
  if (given.trim() === '') throw new InputError({ file: '""' }, `empty path given for the ${what}`);
  return checkFile(resolve(io.cwd, given), given, what);
}

/** userFile for an already resolved `path`, shown in messages as `given`. */
export function checkFile(path: string, given: string, what: string): UserFile {
  const st = statOf(path, given, what);
  if (st.isDirectory()) throw new InputError({ file: given }, `not a file (a directory); expected the ${what}`);
  if (!st.isFile()) throw new InputError({ file: given }, `not a regular file; expected the ${what}`);
  try {
    accessSync(path, constants.R_OK);
  } catch (err) {
    throw new InputError({ file: given }, `cannot read ${what}: ${describeCode((err as NodeJS.ErrnoException).code, err)}`);
  }
  return { path, shown: given, size: st.size };
}

/** Like userFile, but a directory is accepted too (commands that expand directories). */
export function userFileOrDirectory(io: CliIo, given: string, what: string): { path: string; shown: string; directory: boolean } {
  if (given.trim() === '') throw new InputError({ file: '""' }, `empty path given for the ${what}`);
  const path = resolve(io.cwd, given);
  const st = statOf(path, given, what);
  if (st.isDirectory()) return { path, shown: given, directory: true };
  return { ...userFile(io, given, what), directory: false };
}

function readChecked(file: UserFile, what: string): Buffer {
  try {
    return readFileSync(file.path);
  } catch (err) {
    throw new InputError({ file: file.shown }, `cannot read ${what}: ${describeCode((err as NodeJS.ErrnoException).code, err)}`);
  }
}

/** The bytes of a user file (checked first). */
export function readUserFile(io: CliIo, given: string, what: string): Buffer {
  return readChecked(userFile(io, given, what), what);
}

/** The text (UTF-8) of a user file (checked first). */
export function readUserText(io: CliIo, given: string, what: string): string {
  return readUserFile(io, given, what).toString('utf8');
}

/** A read stream on a user file (checked first). */
export function openUserStream(io: CliIo, given: string, what: string): ReadStream {
  return createReadStream(userFile(io, given, what).path);
}
