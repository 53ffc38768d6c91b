// `npm run check:generated`: fails when a generated file no longer matches its source (the
// supergraph vs the subgraphs' SDL, resolver types and resolver maps vs SDL and codegen.yml,
// the contract's typed operations and persisted-operation manifest vs contract/), when a resolver
// file is missing, misnamed or exports the wrong fields for its module (the server preset would
// create or fix it), and when a contract operation no longer validates against the gateway's API
// schema. Regenerate with `npm run compose` and `npm run codegen`.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { printSchema, Supergraph } from '@apollo/federation-internals';
import { buildSchema, parse, Source, validate } from 'graphql';
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

const { supergraphSdl } = composeSupergraph();
await compare(SUPERGRAPH_PATH, supergraphSdl, 'npm run compose');

// The contract against the API schema clients see (federation's internals and @inaccessible
// fields removed; printed and rebuilt because federation-internals loads graphql as CommonJS).
const apiSchema = buildSchema(printSchema(Supergraph.build(supergraphSdl).apiSchema()));
const contractDir = path.join(ROOT, 'contract');
const invalid: string[] = [];
for (const file of (await readdir(contractDir)).filter((f) => f.endsWith('.graphql')).sort()) {
  const source = new Source(
    await readFile(path.join(contractDir, file), 'utf8'),
    `contract/${file}`,
  );
  for (const error of validate(apiSchema, parse(source))) {
    const where = error.locations?.[0];
    invalid.push(
      `contract/${file}${where ? `:${where.line}:${where.column}` : ''} ${error.message}`,
    );
  }
}
if (invalid.length) {
  console.error(
    `Contract operations no longer validate against the supergraph:\n${invalid.map((e) => `- ${e}`).join('\n')}`,
  );
  process.exit(1);
}

// Loaded as the CLI loads it (YAML merge keys included).
const { config } = await loadCodegenConfig({ configFilePath: path.join(ROOT, 'codegen.yml') });
const outputs = (await generate(
  { ...config, cwd: ROOT, silent: true },
  false,
)) as Types.FileOutput[];
for (const output of outputs) {
  const file = path.resolve(ROOT, output.filename);
  // Resolver files are ours (prettier-formatted); the preset only fixes their exports.
  // Generated files (*.generated.ts, generated/ folders) are compared as generated.
  const expected =
    file.endsWith('.generated.ts') || file.includes(`${path.sep}generated${path.sep}`)
      ? output.content
      : await format(output.content, { ...(await resolveConfig(file)), filepath: file });
  await compare(file, expected, 'npm run codegen');
}

if (stale.length) {
  console.error(`Generated files are stale:\n${stale.map((s) => `- ${s}`).join('\n')}`);
  process.exit(1);
}
console.log(`generated files are up to date (${outputs.length + 1} checked)`);
