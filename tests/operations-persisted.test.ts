// @grahvani/operations as a frontend uses it: typed documents generated from contract/ sent to a
// gateway whose allowlist is the generated persisted-operation manifest (OPERATION_ALLOWLIST=
// manifest), by hash alone in both wire forms, and as full documents.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  CreateClientDocument,
  LoginDocument,
  MyClientBookDocument,
  RegisterDocument,
  documentId,
  persistedDocuments,
  sha256Hash,
} from '@grahvani/operations';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { print } from 'graphql';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { ConfigError } from '@grahvani/shared';
import { loadAllowlist } from '../gateway/src/allowlist.ts';
import { loadConfig, OPERATIONS_MANIFEST } from '../gateway/src/config.ts';
import { errorCodes, type GraphQLResponse } from './helpers/graphql.ts';
import { startStack, type Stack } from './helpers/stack.ts';

type ResultOf<D> = D extends TypedDocumentNode<infer R, infer _V> ? R : never;
type VariablesOf<D> = D extends TypedDocumentNode<infer _R, infer V> ? V : never;
type Wire = 'documentId' | 'persistedQuery' | 'document';

describe('typed operations and the persisted-operation manifest', () => {
  let stack: Stack;
  const email = `operations-${Date.now()}@example.com`;
  const password = 'correct horse battery staple';
  let token = '';

  /** Sends a generated document the way `wire` says; the answer is typed from the document. */
  async function send<TData, TVariables>(
    document: TypedDocumentNode<TData, TVariables>,
    variables: TVariables,
    wire: Wire,
    auth?: string,
  ): Promise<GraphQLResponse<TData>> {
    const body =
      wire === 'documentId'
        ? { documentId: documentId(document), variables }
        : wire === 'persistedQuery'
          ? {
              variables,
              extensions: { persistedQuery: { version: 1, sha256Hash: sha256Hash(document) } },
            }
          : { query: print(document), variables };
    return post(body, auth);
  }

  async function post<TData>(body: unknown, auth?: string): Promise<GraphQLResponse<TData>> {
    const res = await fetch(stack.gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(auth ? { authorization: `Bearer ${auth}` } : {}),
      },
      body: JSON.stringify(body),
    });
    return {
      status: res.status,
      ...((await res.json()) as Omit<GraphQLResponse<TData>, 'status'>),
    };
  }

  beforeAll(async () => {
    stack = await startStack({ env: { OPERATION_ALLOWLIST: 'manifest' } });
    // The full document of a manifest operation is served as before.
    const registered = await send(
      RegisterDocument,
      { input: { email, password, name: 'Typed Astrologer' } },
      'document',
    );
    expect(registered.errors).toBeUndefined();
    token = registered.data!.register.accessToken;
  });
  afterAll(() => stack?.close());

  it('exports documents typed by their results and variables, with their manifest ids', () => {
    type Book = ResultOf<typeof MyClientBookDocument>;
    expectTypeOf<NonNullable<Book['me']>['email']>().toEqualTypeOf<string | null>();
    expectTypeOf<NonNullable<NonNullable<Book['me']>['profile']>['clientCount']>().toEqualTypeOf<
      number | null
    >();
    expectTypeOf<VariablesOf<typeof MyClientBookDocument>>().toHaveProperty('first');
    const id = documentId(MyClientBookDocument);
    expect(id).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(persistedDocuments[id]).toMatch(/^query MyClientBook\b/);
    expect(sha256Hash(MyClientBookDocument)).toBe(id.slice('sha256:'.length));
    // One manifest entry per contract operation, all known to the gateway's allowlist.
    const allowlist = loadAllowlist({ kind: 'manifest', file: OPERATIONS_MANIFEST });
    for (const key of Object.keys(persistedDocuments)) {
      expect(allowlist.persisted.has(key.slice('sha256:'.length))).toBe(true);
    }
  });

  it.each<Wire>(['documentId', 'persistedQuery'])(
    'runs typed operations by hash alone (%s)',
    async (wire) => {
      const login = await send(LoginDocument, { input: { email, password } }, wire);
      expect(login.errors).toBeUndefined();
      expect(login.data?.login.user.email).toBe(email);
      const created = await send(
        CreateClientDocument,
        { input: { name: `Asha ${wire}`, tags: ['typed'] } },
        wire,
        token,
      );
      expect(created.errors).toBeUndefined();
      const book = await send(MyClientBookDocument, { first: 10 }, wire, token);
      expect(book.errors).toBeUndefined();
      const names = book.data?.me?.profile?.clients?.edges.map((e) => e.node.name);
      expect(names).toContain(`Asha ${wire}`);
      expect(book.data?.me?.email).toBe(email);
    },
  );

  it('refuses an unknown hash in either form with PERSISTED_QUERY_NOT_FOUND', async () => {
    const unknown = 'f'.repeat(64);
    for (const body of [
      { documentId: `sha256:${unknown}` },
      { documentId: 'not-a-hash' },
      { extensions: { persistedQuery: { version: 1, sha256Hash: unknown } } },
    ]) {
      const res = await post(body, token);
      expect(errorCodes(res), JSON.stringify(body)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
      expect(res.data ?? null).toBeNull();
    }
  });

  it('refuses a document outside the manifest with PERSISTED_QUERY_NOT_IN_LIST', async () => {
    const res = await stack.gql('{ me { id email } }', {}, { token });
    expect(res.status).toBe(400);
    expect(errorCodes(res)).toEqual(['PERSISTED_QUERY_NOT_IN_LIST']);
  });

  describe('OPERATION_ALLOWLIST', () => {
    let dir: string;
    beforeAll(async () => {
      dir = await mkdtemp(path.join(tmpdir(), 'grahvani-manifest-'));
    });
    afterAll(() => rm(dir, { recursive: true, force: true }));

    it('takes off, contract, manifest or a manifest path', () => {
      expect(loadConfig({ OPERATION_ALLOWLIST: 'manifest' }).allowlist).toEqual({
        kind: 'manifest',
        file: OPERATIONS_MANIFEST,
      });
      expect(loadConfig({ OPERATION_ALLOWLIST: 'contract' }).allowlist?.kind).toBe('contract');
      expect(loadConfig({ OPERATION_ALLOWLIST: 'ops/manifest.json' }).allowlist).toEqual({
        kind: 'manifest',
        file: path.resolve('ops/manifest.json'),
      });
      expect(() => loadConfig({ OPERATION_ALLOWLIST: 'ops.yaml' })).toThrow(ConfigError);
    });

    it("loads another manifest, refusing one whose keys are not its documents' hashes", async () => {
      const loginId = documentId(LoginDocument);
      const good = path.join(dir, 'good.json');
      await writeFile(good, JSON.stringify({ [loginId]: persistedDocuments[loginId] }));
      const allowlist = loadAllowlist({ kind: 'manifest', file: good });
      expect(allowlist.documents).toHaveLength(1);
      expect(allowlist.persisted.get(sha256Hash(LoginDocument))).toBe(persistedDocuments[loginId]);

      const forged = path.join(dir, 'forged.json');
      await writeFile(forged, JSON.stringify({ [loginId]: '{ me { id email role } }' }));
      expect(() => loadAllowlist({ kind: 'manifest', file: forged })).toThrow(ConfigError);
      const missing = path.join(dir, 'missing.json');
      expect(() => loadAllowlist({ kind: 'manifest', file: missing })).toThrow(ConfigError);
    });
  });
});
