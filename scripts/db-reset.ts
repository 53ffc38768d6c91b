// `npm run db:reset`: development only. Drops the three service schemas with everything in
// them, applies every migration again and seeds the demo data (when SEED is on). Refused in
// production, whatever else is set.
import pg from 'pg';
import { ConfigError } from '@grahvani/shared';
import { DATABASE_SERVICES, loadStackConfig } from './lib/config.ts';
import { prepareDatabase, resolveServiceUrls } from './lib/database.ts';
import { withOwnerDatabase } from './lib/ownerDatabase.ts';
import { seedDevelopmentData } from './lib/seed.ts';

try {
  const config = loadStackConfig();
  if (config.env === 'production') throw new ConfigError('db:reset is refused in production');
  await withOwnerDatabase(config, async (ownerUrl) => {
    const client = new pg.Client({
      connectionString: ownerUrl,
      application_name: 'grahvani-reset',
    });
    await client.connect();
    try {
      for (const { schema } of DATABASE_SERVICES) {
        await client.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
        console.log(`dropped ${schema}`);
      }
    } finally {
      await client.end();
    }
    const urls = resolveServiceUrls(ownerUrl, config.serviceUrls, config.env);
    await prepareDatabase(ownerUrl, urls, (line) => console.log(line), config);
    if (config.seed) {
      const created = await seedDevelopmentData(urls);
      if (created.length) console.log(`seed: created ${created.join(', ')}`);
    }
  });
} catch (err) {
  console.error(`db:reset failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
