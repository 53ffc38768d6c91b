// Prisma 7 CLI configuration, schema app_users. Paths are relative to this file.
// `prisma generate` never connects, so DATABASE_URL may be unset: a placeholder keeps it working.
import { defineConfig } from 'prisma/config';

const placeholderUrl = 'postgresql://placeholder:placeholder@localhost:5432/grahvani';

export default defineConfig({
  schema: 'schema.prisma',
  migrations: { path: 'migrations' },
  datasource: { url: process.env.DATABASE_URL || placeholderUrl },
});
