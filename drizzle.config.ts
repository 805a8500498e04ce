// drizzle-kit configuration. One migrations folder per domain: NUAGE_SCHEMA=<domain> drizzle-kit generate
// (`npm run db:generate` loops over them). Migrations are committed.
import { defineConfig } from 'drizzle-kit';

const domain = process.env.NUAGE_SCHEMA ?? 'catalog';
export default defineConfig({
  dialect: 'sqlite',
  schema: `./src/store/schema/${domain}.ts`,
  out: `./drizzle/${domain}`,
});
