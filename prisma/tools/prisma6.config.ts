// Configuration for prisma 6.19.3 (`node_modules/prisma6`), used only to turn schema.prisma
// files into migration SQL offline: its schema engine runs as WebAssembly behind a driver
// adapter, where Prisma 7's needs a native binary that cannot be downloaded here.
// `migrate diff` between datamodels never connects, so the URL may be a placeholder.
import { defineConfig } from 'prisma6/config';
import { PrismaPg } from 'prisma6-adapter-pg';

const placeholderUrl = 'postgresql://placeholder:placeholder@localhost:5432/grahvani';

export default defineConfig({
  experimental: { adapter: true },
  engine: 'js',
  // The CLI never disposes the adapter: idle connections must not keep the process alive.
  adapter: async () =>
    new PrismaPg({
      connectionString: process.env.DATABASE_URL || placeholderUrl,
      allowExitOnIdle: true,
      idleTimeoutMillis: 100,
    }),
});
