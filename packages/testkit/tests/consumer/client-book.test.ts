import { afterAll, beforeAll, expect, test } from 'vitest';
import { startGraph, type Graph } from '@grahvani/testkit';

let graph: Graph;
beforeAll(async () => (graph = await startGraph()), 120_000);
afterAll(() => graph?.stop());

test('an astrologer creates a client and reads it back', async () => {
  const { token } = await graph.signInAs('USER');
  const created = await graph.graphql<{ createClient: { id: string } }>(
    'mutation ($input: CreateClientInput!) { createClient(input: $input) { id } }',
    { input: { name: 'Rahul Sharma' } },
    { token },
  );
  const read = await graph.graphql<{ client: { name: string } }>(
    'query ($id: ID!) { client(id: $id) { name } }',
    { id: created.data?.createClient.id },
    { token },
  );
  expect(read.data?.client.name).toBe('Rahul Sharma');
});
