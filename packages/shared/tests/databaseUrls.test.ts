// Which URL a service queries on and which it LISTENs on, and when it may send startup
// parameters: the rule that lets the services run behind PgBouncer in transaction mode.
import { describe, expect, it } from 'vitest';
import { ConfigError, databaseSettings, directUrlVar, serviceDatabaseUrls } from '../src/config.ts';
import { poolOptions } from '../src/database.ts';

const pooled = 'postgresql://auth_svc:pw@pgbouncer:6432/grahvani';
const direct = 'postgresql://auth_svc:pw@postgres:5432/grahvani';

describe('serviceDatabaseUrls', () => {
  it('names the direct variable after the pooled one', () => {
    expect(directUrlVar('AUTH_DATABASE_URL')).toBe('AUTH_DIRECT_DATABASE_URL');
    expect(directUrlVar('CLIENTS_DATABASE_URL')).toBe('CLIENTS_DIRECT_DATABASE_URL');
  });

  it('takes the direct URL when given, and the pooled one otherwise', () => {
    expect(
      serviceDatabaseUrls(
        { AUTH_DATABASE_URL: pooled, AUTH_DIRECT_DATABASE_URL: direct },
        'AUTH_DATABASE_URL',
      ),
    ).toEqual({ databaseUrl: pooled, directDatabaseUrl: direct });
    expect(serviceDatabaseUrls({ AUTH_DATABASE_URL: direct }, 'AUTH_DATABASE_URL')).toEqual({
      databaseUrl: direct,
      directDatabaseUrl: direct,
    });
  });

  it('refuses a direct URL that is not a PostgreSQL URL', () => {
    expect(() =>
      serviceDatabaseUrls(
        { AUTH_DATABASE_URL: pooled, AUTH_DIRECT_DATABASE_URL: 'http://postgres' },
        'AUTH_DATABASE_URL',
      ),
    ).toThrow(ConfigError);
  });
});

describe('poolOptions', () => {
  const database = databaseSettings({ DB_STATEMENT_TIMEOUT_MS: '5000' });

  it('is pooled (no startup parameters) only when the query URL is not the direct one', () => {
    expect(poolOptions({ databaseUrl: pooled, directDatabaseUrl: direct, database })).toMatchObject(
      { pooled: true, statementTimeoutMs: 5000 },
    );
    expect(poolOptions({ databaseUrl: direct, directDatabaseUrl: direct, database })).toMatchObject(
      { pooled: false, statementTimeoutMs: 5000 },
    );
  });
});
