import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The project's own data/ folder (the dated snapshot). Same depth from src/ and dist/. */
export const DATA_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../../data');

export function dataPath(relative: string): string {
  return resolve(DATA_DIR, relative);
}
