import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Kind, parse, print, type OperationDefinitionNode } from 'graphql';
import type { Express } from 'express';

/** Where the page and its assets live on the gateway's origin. */
export const GRAPHIQL_PATH = '/graphiql';

/** One editor tab GraphiQL opens on its first run (GraphiQL's `defaultTabs`). */
export interface GraphiqlTab {
  query: string;
  variables?: string;
  headers?: string;
}

const require = createRequire(import.meta.url);
const packageDir = (name: string) => path.dirname(require.resolve(`${name}/package.json`));

// Prebuilt browser files from the installed packages: GraphiQL 3's UMD build needs React 18's
// UMD builds as globals (React 19 ships none). Nothing is fetched from a CDN.
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: path.join(packageDir('react'), 'umd/react.production.min.js'), type: 'js' },
  'react-dom.js': {
    file: path.join(packageDir('react-dom'), 'umd/react-dom.production.min.js'),
    type: 'js',
  },
  'graphiql.js': { file: path.join(packageDir('graphiql'), 'graphiql.min.js'), type: 'js' },
  'graphiql.css': { file: path.join(packageDir('graphiql'), 'graphiql.min.css'), type: 'css' },
  'explorer.js': {
    file: fileURLToPath(new URL('../public/graphiql-explorer.js', import.meta.url)),
    type: 'js',
  },
};

const hint = `# GraphiQL, served by the gateway itself: it works offline.
# (Online, Apollo Sandbox is at /graphql.)
#
# 1. Run Login below (the ▶ button or Ctrl-Enter) with an account's email and password in
#    Variables. \`npm start\` seeds astro@grahvani.dev / grahvani-astro-dev in development.
# 2. Open Headers (beside Variables) in the tab you run from and put the accessToken
#    of the answer there:  {"Authorization": "Bearer <accessToken>"}
# 3. The other tabs hold the frontends' operations, one tab per contract/*.graphql file;
#    with several operations in a tab, ▶ asks which one to run.
`;

/**
 * The tabs of a first visit: the hint with the contract's `Login` mutation, then every
 * contract file as it is (its comments say how each operation behaves).
 */
export function graphiqlTabs(contractDir: string): GraphiqlTab[] {
  const files = readdirSync(contractDir)
    .filter((f) => f.endsWith('.graphql'))
    .sort();
  const tabs: GraphiqlTab[] = [];
  let login: OperationDefinitionNode | undefined;
  for (const file of files) {
    const source = readFileSync(path.join(contractDir, file), 'utf8');
    login ??= parse(source).definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === Kind.OPERATION_DEFINITION && d.name?.value === 'Login',
    );
    tabs.push({ query: `# contract/${file}\n${source}` });
  }
  if (login) {
    tabs.unshift({
      query: `${hint}\n${print(login)}\n`,
      variables: JSON.stringify(
        { input: { email: 'astro@grahvani.dev', password: 'grahvani-astro-dev' } },
        null,
        2,
      ),
    });
  }
  return tabs;
}

// `<` escaped so that no document text can close the script element.
const jsonInHtml = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/** The page: GraphiQL's assets from the gateway, its config as inert JSON (no inline script). */
export function graphiqlPage(tabs: GraphiqlTab[], endpoint: string): string {
  const asset = (name: string) => `${GRAPHIQL_PATH}/assets/${name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Grahvani graph · GraphiQL</title>
<link rel="stylesheet" href="${asset('graphiql.css')}">
<style>html, body, #graphiql { height: 100%; margin: 0; }</style>
</head>
<body>
<div id="graphiql">Loading GraphiQL…</div>
<script type="application/json" id="graphiql-config">${jsonInHtml({ endpoint, tabs })}</script>
<script src="${asset('react.js')}"></script>
<script src="${asset('react-dom.js')}"></script>
<script src="${asset('graphiql.js')}"></script>
<script src="${asset('explorer.js')}"></script>
</body>
</html>
`;
}

/**
 * Mounts GraphiQL at GET /graphiql, served from installed npm packages so that it works
 * without internet access (Apollo Sandbox, at /graphql, loads from Apollo's CDN). The page
 * sends JSON POSTs to `endpoint`, which Apollo's CSRF prevention accepts, and has no inline
 * script, so a `script-src 'self'` policy allows it.
 */
export function mountGraphiql(app: Express, options: { contractDir: string; endpoint: string }) {
  const html = graphiqlPage(graphiqlTabs(options.contractDir), options.endpoint);
  app.get(GRAPHIQL_PATH, (_req, res) => {
    res.type('html').set('Cache-Control', 'no-cache').send(html);
  });
  app.get(`${GRAPHIQL_PATH}/assets/:name`, (req, res) => {
    const asset = ASSETS[req.params.name];
    if (!asset) {
      res.status(404).json({ error: 'not found' });
      return;
    }
    res.type(asset.type).set('Cache-Control', 'public, max-age=3600');
    res.sendFile(asset.file);
  });
}
