// `npm run db:migrate`: applies pending migrations of every service and ensures the service
// roles. Uses DATABASE_URL (the owner); without it, the embedded development database.
import { loadStackConfig } from './lib/config.ts';
import { prepareDatabase, resolveServiceUrls } from './lib/database.ts';
import { embeddedOptions } from './lib/embedded.ts';

try {
  const config = loadStackConfig();
  // Development tooling is loaded only when used: the production image (the migration Job) has
  // DATABASE_URL and no @grahvani/devtools.
  const embedded = config.databaseUrl
    ? undefined
    : await (
        await import('@grahvani/devtools/embedded')
      ).startEmbeddedDatabase(embeddedOptions(config));
  try {
    const ownerUrl = config.databaseUrl ?? embedded?.url ?? '';
    const urls = resolveServiceUrls(ownerUrl, config.serviceUrls, config.env);
    const results = await prepareDatabase(ownerUrl, urls, (line) => console.log(line), config);
    for (const r of results) {
      console.log(`${r.service}: ${r.applied.length} applied, ${r.alreadyApplied} already applied`);
    }
  } finally {
    await embedded?.stop();
  }
} catch (err) {
  console.error(`db:migrate failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
}
