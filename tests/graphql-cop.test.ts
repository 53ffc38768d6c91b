// graphql-cop's twelve checks (github.com/dolevf/graphql-cop, lib/tests/*.py), each sent as
// graphql-cop sends it to a gateway configured for production, and judged first by
// graphql-cop's own rule for "vulnerable", then by what we promise (status and code).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './helpers/stack.ts';

const HEADERS = { 'user-agent': 'graphql-cop/1.14' };

interface Answer {
  status: number;
  text: string;
  /** The parsed body, or undefined when it is not JSON. */
  json: unknown;
}

interface Body {
  data?: Record<string, unknown> | null;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
  extensions?: Record<string, unknown>;
}

async function answer(res: Response): Promise<Answer> {
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, text, json };
}

const body = (a: Answer) => (a.json ?? {}) as Body;
const codes = (a: Answer) => (body(a).errors ?? []).map((e) => e.extensions?.code);

describe("graphql-cop's checks against the production gateway", () => {
  let stack: Stack;

  beforeAll(async () => {
    // Production is the gateway's configuration; the subgraphs keep the test one.
    stack = await startStack({ gatewayEnv: { NODE_ENV: 'production' } });
  });
  afterAll(() => stack?.close());

  /** graphql_query(): a JSON POST of {query, operationName: "cop"}, or of ten of them. */
  async function copPost(query: string, { batch = false, headers = {} } = {}) {
    const payload = batch
      ? Array.from({ length: 10 }, () => ({ query }))
      : { query, operationName: 'cop' };
    return answer(
      await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { ...HEADERS, 'content-type': 'application/json', ...headers },
        body: JSON.stringify(payload),
      }),
    );
  }

  /** request(): a GET with ?query=, or a url-encoded POST, with no other header. */
  async function copRequest(query: string, verb: 'GET' | 'POST', headers = {}) {
    const url = new URL(stack.gatewayUrl);
    if (verb === 'GET') url.searchParams.set('query', query);
    return answer(
      await fetch(url, {
        method: verb,
        headers: { ...HEADERS, ...headers },
        body: verb === 'POST' ? new URLSearchParams({ query }) : undefined,
      }),
    );
  }

  it('alias overloading: 101 aliases are refused', async () => {
    const aliases = Array.from({ length: 101 }, (_, i) => `alias${i}:__typename \n`).join('');
    const res = await copPost(`query cop { ${aliases} }`);
    expect(body(res).data?.alias100).toBeUndefined(); // graphql-cop: vulnerable if truthy
    // graphql-cop sends no Accept: application/json, whose validation failures answer 200
    // (GraphQL over HTTP; tests/gateway-http-audits.test.ts).
    expect(res.status).toBe(200);
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('array-based batching: an array of ten operations is refused', async () => {
    const res = await copPost('query cop { __typename }', { batch: true });
    expect(Array.isArray(res.json)).toBe(false); // graphql-cop: vulnerable if 10+ answers
    expect(res.status).toBe(400);
  });

  it('directive overloading: ten directives on a field get one error, not ten', async () => {
    const res = await copPost('query cop { __typename @aa@aa@aa@aa@aa@aa@aa@aa@aa@aa }');
    expect(body(res).errors).toHaveLength(1); // graphql-cop: vulnerable if 10 errors
    expect(res.status).toBe(200); // application/json, as above

    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('field suggestions: no "Did you mean"', async () => {
    const res = await copPost('query cop { __schema { directive } }');
    expect(res.text).not.toMatch(/did you mean/i); // graphql-cop: vulnerable if in errors[0]
    expect(new Set(codes(res))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
    const typo = await copPost('query cop { mee { id } }');
    expect(codes(typo)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(typo.text).not.toMatch(/did you mean/i);
  });

  it('GET queries: not from a page (CSRF prevention), served to clients that say so', async () => {
    const res = await copRequest('query cop {__typename}', 'GET');
    expect(body(res).data?.__typename).toBeUndefined(); // graphql-cop: vulnerable if served
    expect(res.status).toBe(400);
    const preflighted = await copRequest('query cop {__typename}', 'GET', {
      'apollo-require-preflight': 'true',
    });
    expect(preflighted.status).toBe(200);
    expect(body(preflighted).data).toEqual({ __typename: 'Query' });
  });

  it('GET mutations: refused, with or without the preflight header', async () => {
    const res = await copRequest('mutation cop {__typename}', 'GET');
    expect(body(res).data?.__typename).toBeUndefined(); // graphql-cop: vulnerable if served
    expect(res.status).toBe(400);
    const preflighted = await copRequest('mutation cop {__typename}', 'GET', {
      'apollo-require-preflight': 'true',
    });
    expect(body(preflighted).data?.__typename).toBeUndefined();
    expect(preflighted.status).toBe(405);
  });

  it('url-encoded POST (CSRF): refused', async () => {
    const res = await copRequest('query cop { __typename }', 'POST');
    expect(body(res).data?.__typename).toBeUndefined(); // graphql-cop: vulnerable if served
    expect(res.status).toBe(400);
  });

  it('IDE: no GraphiQL, Playground or Sandbox page', async () => {
    for (const path of ['/', '/graphiql', '/playground', '/console', '/graphql']) {
      const res = await answer(
        await fetch(new URL(path, stack.gatewayUrl), {
          headers: { ...HEADERS, accept: 'text/html' },
        }),
      );
      // graphql-cop's heuristics, and Apollo's own landing pages.
      for (const word of [
        'graphiql.min.css',
        'GraphQL Playground',
        'GraphiQL',
        'graphql-playground',
      ]) {
        expect(res.text, path).not.toContain(word);
      }
      // Apollo's landing pages (Sandbox included) are scripts; a 404 page is not an IDE.
      expect(res.text, path).not.toMatch(/<script|apollo-server-landing-page|embeddable-sandbox/i);
    }
  });

  it('introspection: off', async () => {
    const res = await copPost('query cop { __schema { types { name fields { name } } } }');
    expect(body(res).data?.__schema).toBeUndefined(); // graphql-cop: vulnerable if types
    expect(res.status).toBe(200); // application/json (no Accept), as above
    expect(codes(res)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });

  it('circular introspection: refused', async () => {
    const res = await copPost(
      'query cop { __schema { types { fields { type { fields { type { fields { type { fields { type { name } } } } } } } } } } }',
    );
    expect(body(res).data?.__schema).toBeUndefined(); // graphql-cop: vulnerable if 25+ types
    expect(res.status).toBe(200); // application/json (no Accept), as above
    expect(new Set(codes(res))).toEqual(new Set(['GRAPHQL_VALIDATION_FAILED']));
  });

  it('trace mode: no tracing, even when a federated trace is asked for', async () => {
    const res = await copPost('query cop { __typename }', {
      headers: { 'apollo-federation-include-trace': 'ftv1' },
    });
    expect(res.status).toBe(200);
    expect(body(res).data).toEqual({ __typename: 'Query' });
    // graphql-cop: vulnerable if errors[0].extensions.tracing or any "extensions": {"tracing"
    expect(body(res).extensions).toBeUndefined();
    expect(res.text).not.toMatch(/tracing|ftv1/i);
  });

  it('unhandled errors: a syntax error carries no exception or stack trace', async () => {
    const res = await copPost('qwerty cop { abc }');
    expect(res.status).toBe(200); // application/json (no Accept), as above
    expect(codes(res)).toEqual(['GRAPHQL_PARSE_FAILED']);
    const [error] = body(res).errors ?? [];
    expect(error?.extensions).not.toHaveProperty('exception'); // graphql-cop's rule
    expect(res.text).not.toMatch(/exception|stacktrace|\.ts:\d+|at [\w.]+ \(/i);
  });
});
