// Which `npm start` runs seed demo accounts: development on the embedded database by default;
// against an external DATABASE_URL only when asked (SEED=1); never in production.
import { describe, expect, it } from 'vitest';
import { loadStackConfig } from '../scripts/lib/config.ts';

const EXTERNAL = 'postgresql://owner:secret@db.example.test:5432/grahvani';

describe('npm start seeding', () => {
  it('seeds the embedded development database by default', () => {
    expect(loadStackConfig({ NODE_ENV: 'development' }).seed).toBe(true);
  });

  it('does not seed an external DATABASE_URL unless SEED=1', () => {
    expect(loadStackConfig({ NODE_ENV: 'development', DATABASE_URL: EXTERNAL }).seed).toBe(false);
    expect(
      loadStackConfig({ NODE_ENV: 'development', DATABASE_URL: EXTERNAL, SEED: '1' }).seed,
    ).toBe(true);
  });

  it('lets SEED=0 turn seeding off, and refuses SEED in production', () => {
    expect(loadStackConfig({ NODE_ENV: 'development', SEED: '0' }).seed).toBe(false);
    expect(() =>
      loadStackConfig({ NODE_ENV: 'production', DATABASE_URL: EXTERNAL, SEED: '1' }),
    ).toThrow();
    expect(loadStackConfig({ NODE_ENV: 'production', DATABASE_URL: EXTERNAL }).seed).toBe(false);
  });
});
