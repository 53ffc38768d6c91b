// Idempotency-Key (createClient, importClients) and concurrent creation: every call lands
// exactly once, a retry returns the first result, a reused key with another body is CONFLICT.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../subgraphs/clients/src/db.ts';
import { createClient, op, registerAstrologer } from './fixtures/clients.ts';
import { errorCodes } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

describe('idempotency and concurrency', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  async function countOf(tenantId: string) {
    return withTenant(stack.db.clients, tenantId, async (tx) => ({
      clients: await tx.client.count({ where: { tenantId } }),
      created: await tx.clientActivityLog.count({ where: { tenantId, action: 'client.created' } }),
    }));
  }

  it('lands fifty concurrent createClient calls exactly once each', async () => {
    const astro = await registerAstrologer(stack);
    const names = Array.from({ length: 50 }, (_, i) => `Concurrent ${i}`);
    const results = await Promise.all(
      names.map((name) =>
        stack.gql<{ createClient: { id: string; name: string } }>(
          op('CreateClient'),
          { input: { name } },
          { token: astro.accessToken },
        ),
      ),
    );
    for (const res of results) expect(res.errors).toBeUndefined();
    const created = results.map((r) => r.data!.createClient);
    expect(new Set(created.map((c) => c.id)).size).toBe(50);
    expect(created.map((c) => c.name).sort()).toEqual([...names].sort());
    expect(await countOf(astro.id)).toEqual({ clients: 50, created: 50 });
  });

  it('lands fifty concurrent retries with one Idempotency-Key once', async () => {
    const astro = await registerAstrologer(stack);
    const key = randomUUID();
    const results = await Promise.all(
      Array.from({ length: 50 }, () =>
        stack.gql<{ createClient: { id: string } }>(
          op('CreateClient'),
          { input: { name: 'Retried', tags: ['a', 'b'] } },
          { token: astro.accessToken, headers: { 'Idempotency-Key': key } },
        ),
      ),
    );
    for (const res of results) expect(res.errors).toBeUndefined();
    expect(new Set(results.map((r) => r.data!.createClient.id)).size).toBe(1);
    expect(await countOf(astro.id)).toEqual({ clients: 1, created: 1 });
  });

  it('returns the first result for a retry, even with the input keys in another order', async () => {
    const astro = await registerAstrologer(stack);
    const key = randomUUID();
    const headers = { 'Idempotency-Key': key };
    const first = await createClient(
      stack,
      astro.accessToken,
      { name: 'Once', email: 'once@example.com' },
      headers,
    );
    const retry = await stack.gql<{ createClient: { id: string } }>(
      op('CreateClient'),
      { input: { email: 'once@example.com', name: 'Once' } },
      { token: astro.accessToken, headers },
    );
    expect(retry.data?.createClient.id).toBe(first.id);
    expect(await countOf(astro.id)).toEqual({ clients: 1, created: 1 });
  });

  it('answers CONFLICT for the same key with a different body or operation', async () => {
    const astro = await registerAstrologer(stack);
    const headers = { 'Idempotency-Key': randomUUID() };
    await createClient(stack, astro.accessToken, { name: 'Original' }, headers);
    const changed = await stack.gql(
      op('CreateClient'),
      { input: { name: 'Changed' } },
      { token: astro.accessToken, headers },
    );
    expect(errorCodes(changed)).toEqual(['CONFLICT']);
    const otherOperation = await stack.gql(
      op('ImportClients'),
      { csv: 'name\nSomeone\n' },
      { token: astro.accessToken, headers },
    );
    expect(errorCodes(otherOperation)).toEqual(['CONFLICT']);
    expect(await countOf(astro.id)).toEqual({ clients: 1, created: 1 });
  });

  it('keeps keys per tenant: two astrologers may use the same key', async () => {
    const [a, b] = await Promise.all([registerAstrologer(stack), registerAstrologer(stack)]);
    const headers = { 'Idempotency-Key': 'shared-key' };
    const fromA = await createClient(stack, a.accessToken, { name: 'Same' }, headers);
    const fromB = await createClient(stack, b.accessToken, { name: 'Same' }, headers);
    expect(fromA.id).not.toBe(fromB.id);
  });

  it('does not remember a key whose request failed', async () => {
    const astro = await registerAstrologer(stack);
    const headers = { 'Idempotency-Key': randomUUID() };
    const bad = await stack.gql(
      op('CreateClient'),
      { input: { name: 'Bad', email: 'nope' } },
      { token: astro.accessToken, headers },
    );
    expect(errorCodes(bad)).toEqual(['BAD_USER_INPUT']);
    // Nothing was kept for the key, so a corrected request with it is no CONFLICT.
    const good = await createClient(stack, astro.accessToken, { name: 'Good' }, headers);
    expect(good.name).toBe('Good');
    expect(await countOf(astro.id)).toEqual({ clients: 1, created: 1 });
  });

  it('replays importClients for a retry with the same key, and imports nothing new', async () => {
    const astro = await registerAstrologer(stack);
    const headers = { 'Idempotency-Key': randomUUID() };
    const csv = 'name,email\nIdem One,one@example.com\nIdem Two,two@example.com\n';
    const run = () =>
      stack.gql<{ importClients: { id: string; successCount: number } }>(
        op('ImportClients'),
        { csv },
        { token: astro.accessToken, headers },
      );
    const [first, second] = [await run(), await run()];
    expect(first.data?.importClients).toMatchObject({ successCount: 2 });
    expect(second.data?.importClients.id).toBe(first.data?.importClients.id);
    const changed = await stack.gql(
      op('ImportClients'),
      { csv: `${csv}Idem Three\n` },
      { token: astro.accessToken, headers },
    );
    expect(errorCodes(changed)).toEqual(['CONFLICT']);
    expect((await countOf(astro.id)).clients).toBe(2);
  });
});
