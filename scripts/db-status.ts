// `npm run db:status`: applied and pending migrations of each service, and drift (a migration
// edited after it was applied, applied but missing from prisma/, or failed). Read-only. Exits
// 1 when anything is pending or drifted, so a deploy pipeline can stop on it.
import { migrationStatus } from '@grahvani/shared/migrationStatus';
import { loadStackConfig } from './lib/config.ts';
import { migrationSets } from './lib/database.ts';
import { withOwnerDatabase } from './lib/ownerDatabase.ts';

try {
  const config = loadStackConfig();
  const statuses = await withOwnerDatabase(config, (url) => migrationStatus(url, migrationSets()));
  let clean = true;
  for (const { service, applied, pending, drift } of statuses) {
    const state = drift.length ? 'DRIFT' : pending.length ? 'pending' : 'up to date';
    console.log(`${service}: ${state} (${applied.length} applied, ${pending.length} pending)`);
    for (const name of pending) console.log(`  pending  ${name}`);
    for (const line of drift) console.log(`  drift    ${line}`);
    if (drift.length || pending.length) clean = false;
  }
  process.exit(clean ? 0 : 1);
} catch (err) {
  console.error(`db:status failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(2);
}
