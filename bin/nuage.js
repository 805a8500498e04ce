#!/usr/bin/env node
// Entry point of the `nuage` command. The TypeScript sources are compiled to dist/ by `npm ci` (the `prepare` script).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/bin.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('nuage: dist/ is missing; run `npm ci` (or `npm run build`) in the nuage checkout first.\n');
  process.exit(1);
}
await import(entry.href);
