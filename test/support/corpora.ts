/**
 * Corpus tests read real third-party files in place from ../shared/corpora (and ../shared/data).
 * When that folder is absent they skip, printing why.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const SHARED = resolve(ROOT, '../shared');
export const CORPORA = resolve(SHARED, 'corpora');
export const SHARED_DATA = resolve(SHARED, 'data');
export const PROJECT_ROOT = ROOT;

export function corpusPath(...parts: string[]): string {
  return resolve(CORPORA, ...parts);
}

export function sharedDataPath(...parts: string[]): string {
  return resolve(SHARED_DATA, ...parts);
}

/** True when the path exists; otherwise prints the reason the suite is skipped. */
export function haveCorpus(path: string, suite: string): boolean {
  if (existsSync(path)) return true;
  console.warn(`[skip] ${suite}: ${path} is absent (../shared is not beside this checkout)`);
  return false;
}
