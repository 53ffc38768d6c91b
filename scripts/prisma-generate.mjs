// Generates each service's Prisma client (prisma/<service>/schema.prisma ->
// subgraphs/<service>/src/generated/prisma) offline. Prisma's schema engine binary cannot be
// downloaded in every environment, and `prisma generate` does not need it: any existing file
// satisfies the CLI's lookup (see DESIGN.md). Always Prisma 7 (node_modules/prisma), never
// whatever node_modules/.bin/prisma points at.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const services = ['auth', 'users', 'clients'];
// eslint-disable-next-line no-restricted-properties -- build tooling: the prisma CLI child inherits our environment
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: '1', CHECKPOINT_DISABLE: '1' };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = existsSync('/bin/false') ? '/bin/false' : process.execPath;
}
for (const service of services) {
  const config = `prisma/${service}/prisma.config.ts`;
  if (!existsSync(join(root, config))) {
    console.error(`prisma-generate: ${config} is missing`);
    process.exit(1);
  }
  const result = spawnSync(
    process.execPath,
    ['node_modules/prisma/build/index.js', 'generate', '--config', config],
    { cwd: root, stdio: 'inherit', env },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}
