// `npm run db:seed`: the development accounts and demo clients (refused in production).
import { ConfigError } from '@grahvani/shared';
import { startEmbeddedDatabase } from '@grahvani/devtools/embedded';
import { loadStackConfig } from './lib/config.ts';
import { prepareDatabase, resolveServiceUrls } from './lib/database.ts';
import { embeddedOptions } from './lib/embedded.ts';
import { seedDevelopmentData } from './lib/seed.ts';

try {
  const config = loadStackConfig();
  if (config.env === 'production') throw new ConfigError('seeding is refused in production');
  const embedded = config.databaseUrl
    ? undefined
    : await startEmbeddedDatabase(embeddedOptions(config));
  try {
    const ownerUrl = config.databaseUrl ?? embedded?.url ?? '';
    const urls = resolveServiceUrls(ownerUrl, config.serviceUrls, config.env);
    await prepareDatabase(ownerUrl, urls);
    const created = await seedDevelopmentData(urls);
    console.log(created.length ? `created ${created.join(', ')}` : 'demo data already present');
  } finally {
    await embedded?.stop();
  }
} catch (err) {
  console.error(`db:seed failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
