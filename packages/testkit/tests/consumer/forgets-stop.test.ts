// A failing test that never stops its graph: the kit must clean up after it anyway. It writes
// where its graph lives for the test that runs this project to check.
import { writeFile } from 'node:fs/promises';
import { expect, test } from 'vitest';
import { startGraph } from '@grahvani/testkit';

test('fails with its graph still running', async () => {
  const graph = await startGraph();
  const { dir, pids, url, databaseUrl, subgraphUrls } = graph;
  const ports = [url, databaseUrl, ...Object.values(subgraphUrls)].map((u) =>
    Number(new URL(u).port),
  );
  await writeFile('forgotten-graph.json', JSON.stringify({ dir, pids, ports }));
  expect('this test').toBe('failing on purpose');
}, 120_000);
