// Generates each service's Prisma client offline. Prisma's schema engine binary cannot be
// downloaded in every environment, and `prisma generate` does not need it: any existing file
// satisfies the CLI's lookup (see DESIGN.md).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const services = ['auth', 'users', 'clients'];
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) env.PRISMA_SCHEMA_ENGINE_BINARY = '/bin/false';
for (const service of services) {
  const config = `prisma/${service}/prisma.config.ts`;
  if (!existsSync(config)) continue;
  const result = spawnSync(
    process.execPath,
    ['node_modules/prisma/build/index.js', 'generate', '--config', config],
    { stdio: 'inherit', env },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
