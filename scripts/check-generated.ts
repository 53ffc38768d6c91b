// `npm run check:generated`: fails when a generated file no longer matches its source (the
// supergraph vs the subgraphs' SDL, resolver types vs SDL and codegen.yml). Regenerate with
// `npm run compose` and `npm run codegen`.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { generate } from '@graphql-codegen/cli';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { parse } from 'yaml';
import { composeSupergraph, SUPERGRAPH_PATH } from '../gateway/src/compose.ts';
import { ROOT } from './lib/config.ts';

const stale: string[] = [];

async function compare(file: string, expected: string, fix: string) {
  const actual = await readFile(file, 'utf8').catch(() => '');
  if (actual !== expected) stale.push(`${path.relative(ROOT, file)} (run ${fix})`);
}

await compare(SUPERGRAPH_PATH, composeSupergraph().supergraphSdl, 'npm run compose');

const config = parse(await readFile(path.join(ROOT, 'codegen.yml'), 'utf8')) as Types.Config;
const outputs = (await generate(
  { ...config, cwd: ROOT, silent: true },
  false,
)) as Types.FileOutput[];
for (const output of outputs) {
  await compare(path.resolve(ROOT, output.filename), output.content, 'npm run codegen');
}

if (stale.length) {
  console.error(`Generated files are stale:\n${stale.map((s) => `- ${s}`).join('\n')}`);
  process.exit(1);
}
console.log(`generated files are up to date (${outputs.length + 1} checked)`);
