// The "Integration tests" section of the repository's README: the packed kit's README, and
// the source of the example test the pack test runs (so the README shows a test that passes).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const README = fileURLToPath(new URL('../../../README.md', import.meta.url));

/** The section, from its heading to the next `## ` heading. */
export async function integrationTestsSection(): Promise<string> {
  const text = await readFile(README, 'utf8');
  const start = text.indexOf('\n## Integration tests\n');
  if (start < 0) throw new Error(`${path.basename(README)} has no "Integration tests" section`);
  const end = text.indexOf('\n## ', start + 1);
  return text.slice(start + 1, end < 0 ? undefined : end + 1);
}

/** The section's first TypeScript example. */
export async function integrationTestExample(): Promise<string> {
  const example = /```ts\n([\s\S]*?)```/.exec(await integrationTestsSection())?.[1];
  if (!example) throw new Error('the "Integration tests" section has no ```ts example');
  return example;
}
