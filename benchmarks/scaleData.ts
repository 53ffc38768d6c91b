// The books the scale benchmark times: astrologers registered through the gateway, clients
// imported through ImportClients (tests/helpers/clientBook.ts), records and followers in bulk.
import { registerAccount } from '../tests/fixtures/accounts.ts';
import {
  asOwner,
  importClientBook,
  seedAccounts,
  seedClientRecords,
  seedFollowers,
} from '../tests/helpers/clientBook.ts';
import type { Stack } from '../tests/helpers/stack.ts';
import { inPool } from './scaleTiming.ts';

/** One astrologer's book: their token, one of their clients, and a profile with followers. */
export interface Book {
  token: string;
  tenantId: string;
  clientId: string;
  /** A profile followed by as many users as the book has clients. */
  starId: string;
}

/** Registers an astrologer and opens their profile once, as the frontends do after sign-up. */
async function registerAstrologer(stack: Stack, name: string) {
  const account = await registerAccount(stack, { name });
  const res = await stack.gql('{ me { profile { id } } }', {}, { token: account.accessToken });
  if (res.errors) throw new Error(`profile failed: ${JSON.stringify(res.errors)}`);
  return account;
}

async function firstClientOf(stack: Stack, token: string): Promise<string> {
  const res = await stack.gql<{ clients: { edges: { node: { id: string } }[] } }>(
    '{ clients(first: 1) { edges { node { id } } } }',
    {},
    { token },
  );
  const id = res.data?.clients.edges[0]?.node.id;
  if (!id) throw new Error(`no client: ${JSON.stringify(res.errors)}`);
  return id;
}

/**
 * A book of `size` clients (imported), `size` consultations, notes and activity entries on its
 * first client, and a profile with `size` followers (new accounts).
 */
export async function buildBook(
  stack: Stack,
  ownerUrl: string,
  size: number,
  name: string,
): Promise<Book> {
  const astro = await registerAstrologer(stack, name);
  await importClientBook(stack, astro.accessToken, size);
  const clientId = await firstClientOf(stack, astro.accessToken);
  const starId = await asOwner(ownerUrl, async (db) => {
    await seedClientRecords(db, astro.id, clientId, size);
    const [star] = await seedAccounts(db, 1, `${name}-star`);
    if (!star) throw new Error('no star');
    await seedFollowers(db, star, await seedAccounts(db, size, `${name}-fan`));
    // Fresh statistics, as autovacuum would keep them on a live database.
    await db.query('ANALYZE');
    return star;
  });
  return { token: astro.accessToken, tenantId: astro.id, clientId, starId };
}

/**
 * `tenants` astrologers of `perTenant` imported clients each, registered and imported a few at
 * a time (the import path runs concurrently). Returns the last one's book.
 */
export async function buildTenants(
  stack: Stack,
  ownerUrl: string,
  options: { tenants: number; perTenant: number },
): Promise<Book> {
  const books = await inPool(
    Array.from({ length: options.tenants }, (_, i) => i),
    4,
    async (i) => {
      const astro = await registerAstrologer(stack, `Tenant ${i}`);
      await importClientBook(stack, astro.accessToken, options.perTenant, { pollMs: 500 });
      return astro;
    },
  );
  const last = books.at(-1);
  if (!last) throw new Error('no tenants');
  await asOwner(ownerUrl, (db) => db.query('ANALYZE'));
  const clientId = await firstClientOf(stack, last.accessToken);
  return { token: last.accessToken, tenantId: last.id, clientId, starId: '' };
}
