// Development secrets live in <DATA_DIR>/keys (private), but creating them must leave the data
// directory itself enterable: when `npm start` runs as root, the embedded PostgreSQL runs as the
// `postgres` OS user and keeps its data below the same directory.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadOrCreateDevSigningKeys } from '@grahvani/shared';
import { loadOrCreateDevGatewaySecret } from '@grahvani/shared/gatewayProof';
import { afterAll, describe, expect, it } from 'vitest';

const made: string[] = [];
afterAll(() => Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true }))));

async function freshDataDir() {
  const parent = await mkdtemp(path.join(tmpdir(), 'grahvani-data-'));
  made.push(parent);
  return path.join(parent, '.data');
}

const modeOf = async (dir: string) => (await stat(dir)).mode & 0o777;

describe('development secrets on a fresh data directory', () => {
  it.each([
    ['the gateway secret', (dir: string) => Promise.resolve(loadOrCreateDevGatewaySecret(dir))],
    ['the signing keys', (dir: string) => loadOrCreateDevSigningKeys(dir)],
  ])('%s: keys/ is private, the data directory stays enterable', async (_name, create) => {
    const dataDir = await freshDataDir();
    await create(dataDir);
    expect((await modeOf(dataDir)) & 0o001).toBe(0o001);
    expect(await modeOf(path.join(dataDir, 'keys'))).toBe(0o700);
  });
});
