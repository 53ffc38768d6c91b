// `npm run check:generated`: fails when a generated file no longer matches its source (the
// supergraph vs the subgraphs' SDL, resolver types and resolver maps vs SDL and codegen.yml),
// and when a resolver file is missing, misnamed or exports the wrong fields for its module
// (the server preset would create or fix it). Regenerate with `npm run compose` and
// `npm run codegen`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { format, resolveConfig } from 'prettier';
import { composeSupergraph, SUPERGRAPH_PATH } from '../gateway/src/compose.ts';
import { ROOT } from './lib/config.ts';

const stale: string[] = [];

async function compare(file: string, expected: string, fix: string) {
  const actual = await readFile(file, 'utf8').catch(() => '');
  if (actual !== expected) stale.push(`${path.relative(ROOT, file)} (run ${fix})`);
}

await compare(SUPERGRAPH_PATH, composeSupergraph().supergraphSdl, 'npm run compose');

// Loaded as the CLI loads it (YAML merge keys included).
const { config } = await loadCodegenConfig({ configFilePath: path.join(ROOT, 'codegen.yml') });
const outputs = (await generate(
  { ...config, cwd: ROOT, silent: true },
  false,
)) as Types.FileOutput[];
for (const output of outputs) {
  const file = path.resolve(ROOT, output.filename);
  // Resolver files are ours (prettier-formatted); the preset only fixes their exports.
  const expected = file.endsWith('.generated.ts')
    ? output.content
    : await format(output.content, { ...(await resolveConfig(file)), filepath: file });
  await compare(file, expected, 'npm run codegen');
}

if (stale.length) {
  console.error(`Generated files are stale:\n${stale.map((s) => `- ${s}`).join('\n')}`);
  process.exit(1);
}
console.log(`generated files are up to date (${outputs.length + 1} checked)`);
