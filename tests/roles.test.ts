// Each service connects as its own role and can use only its own schema (seed 003).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';

const urls = inject('databaseUrls');

async function connect(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

describe('service roles', () => {
  const clients: pg.Client[] = [];
  let auth: pg.Client;
  let users: pg.Client;
  let clientsRole: pg.Client;

  beforeAll(async () => {
    auth = await connect(urls.auth);
    users = await connect(urls.users);
    clientsRole = await connect(urls.clients);
    clients.push(auth, users, clientsRole);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => c.end()));
  });

  it.each([
    ['auth', 'app_users.users'],
    ['auth', 'app_clients.clients'],
    ['users', 'app_auth.auth_users'],
    ['users', 'app_clients.clients'],
    ['clients', 'app_auth.auth_users'],
    ['clients', 'app_users.users'],
  ])('the %s role cannot read %s', async (role, table) => {
    const client = { auth, users, clients: clientsRole }[role as 'auth' | 'users' | 'clients'];
    await expect(client.query(`SELECT 1 FROM ${table} LIMIT 1`)).rejects.toMatchObject({
      code: '42501', // insufficient_privilege
    });
  });

  it('lets a role read and write its own schema', async () => {
    await auth.query('BEGIN');
    await auth.query(
      `INSERT INTO app_auth.auth_users (email, updated_at) VALUES ('role-test@example.com', now())`,
    );
    const { rowCount } = await auth.query(
      `SELECT 1 FROM app_auth.auth_users WHERE email = 'role-test@example.com'`,
    );
    await auth.query('ROLLBACK');
    expect(rowCount).toBe(1);
  });

  it('does not let a role create objects, even in its own schema', async () => {
    await expect(users.query('CREATE TABLE app_users.intruder (id int)')).rejects.toMatchObject({
      code: '42501',
    });
    await expect(users.query('CREATE TABLE public.intruder (id int)')).rejects.toMatchObject({
      code: '42501',
    });
  });

  it('keeps the migration bookkeeping away from service roles', async () => {
    await expect(
      clientsRole.query('SELECT 1 FROM app_clients._prisma_migrations'),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('gives service roles no superuser, BYPASSRLS or CREATEROLE', async () => {
    const { rows } = await auth.query<{
      rolname: string;
      rolsuper: boolean;
      rolbypassrls: boolean;
      rolcreaterole: boolean;
    }>(
      `SELECT rolname::text, rolsuper, rolbypassrls, rolcreaterole FROM pg_roles
        WHERE rolname IN ('auth_svc', 'users_svc', 'clients_svc') ORDER BY rolname`,
    );
    expect(rows).toEqual(
      ['auth_svc', 'clients_svc', 'users_svc'].map((rolname) => ({
        rolname,
        rolsuper: false,
        rolbypassrls: false,
        rolcreaterole: false,
      })),
    );
  });
});
