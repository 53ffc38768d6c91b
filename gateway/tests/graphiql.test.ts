// The GraphiQL page's first-run tabs and HTML. Pure: the contract files, no server.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTRACT_DIR } from '../src/config.ts';
import { graphiqlPage, graphiqlTabs } from '../src/graphiql.ts';

describe('GraphiQL page', () => {
  const dirs: string[] = [];
  afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

  it('opens with the login hint, then one tab per contract file', () => {
    const tabs = graphiqlTabs(CONTRACT_DIR);
    const [hint, ...files] = tabs;
    expect(hint!.query).toMatch(/Authorization.*Bearer/);
    expect(hint!.query).toMatch(/^mutation Login\(\$input: LoginInput!\)/m);
    expect(JSON.parse(hint!.variables!)).toEqual({
      input: { email: expect.any(String), password: expect.any(String) },
    });
    expect(files.map((t) => t.query.split('\n')[0])).toEqual([
      '# contract/auth.graphql',
      '# contract/clients.graphql',
      '# contract/users.graphql',
    ]);
    expect(files[1]!.query).toMatch(/^query MyClientBook\b/m);
  });

  it('keeps document text from closing its script element', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'grahvani-graphiql-'));
    dirs.push(dir);
    await writeFile(
      path.join(dir, 'x.graphql'),
      '# </script><script>alert(1)</script>\n{ me { id } }\n',
    );
    const html = graphiqlPage(graphiqlTabs(dir), '/graphql');
    expect(html).not.toContain('<script>alert');
    expect(html.match(/<script\b/g)).toHaveLength(5); // the JSON config and four scripts by src
    expect(html).not.toMatch(/https?:\/\//); // nothing from another origin
  });
});
