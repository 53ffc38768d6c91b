// Writes gateway/supergraph.graphql from the subgraphs' SDL files (`npm run compose`).
import { writeFile } from 'node:fs/promises';
import { composeSupergraph, SUPERGRAPH_PATH } from '../gateway/src/compose.ts';

const { supergraphSdl, hints } = composeSupergraph();
for (const hint of hints) console.warn(`hint: ${hint}`);
await writeFile(SUPERGRAPH_PATH, supergraphSdl);
console.log('wrote gateway/supergraph.graphql');
