// OpenTelemetry traces: one trace from the gateway through two subgraphs to their SQL, with real
// W3C traceparent propagation between them; a caller's traceparent is continued; OTLP export
// only when OTEL_EXPORTER_OTLP_ENDPOINT is set, and nothing at all (no exporter, no connection)
// when it is not.
import { randomBytes } from 'node:crypto';
import diagnostics from 'node:diagnostics_channel';
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { Writable } from 'node:stream';
import {
  ConfigError,
  createLogger,
  startTracing,
  tracingConfig,
  type Tracing,
} from '@grahvani/shared';
import { SpanKind, trace } from '@opentelemetry/api';
import { InMemorySpanExporter, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createClient, registerAstrologer } from './fixtures/clients.ts';
import type { TestAccount } from './fixtures/accounts.ts';
import { findFreePort } from './helpers/embedded-db.ts';
import { createGraphQLClient } from './helpers/graphql.ts';
import {
  startServiceProcess,
  stopServiceProcess,
  type ServiceProcess,
} from './helpers/serviceProcess.ts';
import { startStack, type Stack } from './helpers/stack.ts';

// auth (me), users (AuthUser.profile) and clients (User.clientCount, User.clients).
const BOOK = /* GraphQL */ `
  query TracedBook {
    me {
      email
      profile {
        clientCount
        clients(first: 5) {
          totalCount
        }
      }
    }
  }
`;

const hex = (bytes: number) => randomBytes(bytes).toString('hex');
const portOf = (url: string) => Number(new URL(url).port);

let stack: Stack;
let astrologer: TestAccount;
let logs = '';

function requestLogLines(requestId: string): { traceId?: string; name?: string }[] {
  return logs
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { msg?: string; requestId?: string; traceId?: string })
    .filter((line) => line.msg === 'request' && line.requestId === requestId);
}

async function book(headers: Record<string, string> = {}) {
  const res = await stack.gql<{ me: { profile: { clientCount: number } } }>(
    BOOK,
    {},
    { token: astrologer.accessToken, headers },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.me.profile.clientCount).toBe(1);
}

beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs += chunk.toString();
      done();
    },
  });
  stack = await startStack({ logger: createLogger('test', 'info', sink) });
  astrologer = await registerAstrologer(stack);
  await createClient(stack, astrologer.accessToken);
});
afterAll(() => stack?.close());

describe('tracing configuration', () => {
  it('reads the OTLP endpoint and the service name, and refuses a malformed endpoint', () => {
    expect(tracingConfig({}, 'users')).toEqual({ endpoint: undefined, serviceName: 'users' });
    expect(
      tracingConfig(
        { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318/', OTEL_SERVICE_NAME: 'edge' },
        'gateway',
      ),
    ).toEqual({ endpoint: 'http://collector:4318', serviceName: 'edge' });
    expect(() => tracingConfig({ OTEL_EXPORTER_OTLP_ENDPOINT: 'collector:4318' }, 'auth')).toThrow(
      ConfigError,
    );
  });
});

describe('without OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('registers nothing, records nothing and opens no connection', async () => {
    const allowed = new Set([
      portOf(stack.gatewayUrl),
      ...Object.values(stack.subgraphUrls).map(portOf),
      portOf(stack.env.AUTH_DATABASE_URL ?? ''),
    ]);
    const attempts: (number | string)[] = [];
    // Every client socket the process opens (undici, node:http, fetch), wherever it goes.
    const onSocket = (message: unknown) => {
      const { socket } = message as { socket: Socket };
      socket.once('connect', () => attempts.push(socket.remotePort ?? 'unknown'));
      socket.once('error', (err: Error & { port?: number }) => attempts.push(err.port ?? 'error'));
    };
    diagnostics.subscribe('net.client.socket', onSocket);
    try {
      const tracing = await startTracing(tracingConfig({}, 'gateway'));
      expect(tracing).toMatchObject({ enabled: false, exportTo: null });
      expect(trace.getTracer('probe').startSpan('probe').isRecording()).toBe(false);
      const requestId = `untraced-${hex(4)}`;
      // A caller's sampled traceparent changes nothing when tracing is off.
      await book({ 'x-request-id': requestId, traceparent: `00-${hex(16)}-${hex(8)}-01` });
      await tracing.shutdown();
      // A new connection of our own, to show that the observer sees connections at all.
      await new Promise((resolve, reject) =>
        http
          .get(new URL('/health', stack.gatewayUrl), { agent: false }, (res) =>
            res.resume().on('end', resolve),
          )
          .on('error', reject),
      );
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(requestLogLines(requestId).length).toBeGreaterThanOrEqual(4);
      expect(requestLogLines(requestId).filter((line) => line.traceId)).toEqual([]);
    } finally {
      diagnostics.unsubscribe('net.client.socket', onSocket);
    }
    expect(attempts).toContain(portOf(stack.gatewayUrl));
    expect(attempts.filter((port) => typeof port !== 'number' || !allowed.has(port))).toEqual([]);
  });
});

describe('with a tracer provider (in-memory exporter)', () => {
  const exporter = new InMemorySpanExporter();
  let tracing: Tracing;
  beforeAll(async () => {
    tracing = await startTracing(tracingConfig({}, 'graph'), { exporter });
  });
  afterAll(() => tracing?.shutdown());

  const spansOf = (traceId: string) =>
    exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
  const serverSpan = (spans: ReadableSpan[], url: string) =>
    spans.find(
      (span) => span.kind === SpanKind.SERVER && span.attributes['server.port'] === portOf(url),
    );
  /** The span's chain of parents within `spans`, nearest first. */
  function ancestors(spans: ReadableSpan[], span: ReadableSpan): ReadableSpan[] {
    const byId = new Map(spans.map((s) => [s.spanContext().spanId, s]));
    const chain: ReadableSpan[] = [];
    for (let p = byId.get(span.parentSpanContext?.spanId ?? ''); p;) {
      chain.push(p);
      p = byId.get(p.parentSpanContext?.spanId ?? '');
    }
    return chain;
  }
  /** Waits until the gateway's own span of the trace has ended (after the response is sent). */
  async function traceOf(traceId: string): Promise<ReadableSpan[]> {
    await vi.waitFor(() => expect(serverSpan(spansOf(traceId), stack.gatewayUrl)).toBeDefined());
    return spansOf(traceId);
  }

  it('one trace runs from the gateway through two subgraphs to their SQL', async () => {
    const requestId = `traced-${hex(4)}`;
    await book({ 'x-request-id': requestId });
    const gatewayRoot = exporter
      .getFinishedSpans()
      .findLast(
        (span) =>
          span.kind === SpanKind.SERVER &&
          span.attributes['server.port'] === portOf(stack.gatewayUrl),
      );
    expect(gatewayRoot).toBeDefined();
    const traceId = gatewayRoot!.spanContext().traceId;
    const spans = await traceOf(traceId);
    expect(gatewayRoot!.parentSpanContext).toBeUndefined();
    expect(gatewayRoot!.name).toBe('POST /graphql');
    expect(gatewayRoot!.attributes['http.response.status_code']).toBe(200);
    // @apollo/gateway's own spans sit under the gateway's server span.
    const request = spans.find((span) => span.name === 'gateway.request');
    expect(request?.parentSpanContext?.spanId).toBe(gatewayRoot!.spanContext().spanId);

    for (const name of ['users', 'clients'] as const) {
      const server = serverSpan(spans, stack.subgraphUrls[name]);
      expect(server, `${name} server span`).toBeDefined();
      // Child of the gateway's fetch to that very subgraph, through the traceparent header.
      const [fetch] = ancestors(spans, server!);
      expect(fetch?.name).toBe('gateway.fetch');
      expect(fetch?.attributes.service).toBe(name);
      expect(server!.parentSpanContext?.isRemote).toBe(true);
      expect(ancestors(spans, fetch!)).toContain(gatewayRoot);
      // Its SQL, as Prisma runs it, below the subgraph's server span.
      const sql = spans.filter(
        (span) =>
          span.name === 'prisma:client:db_query' && ancestors(spans, span).includes(server!),
      );
      expect(sql.length, `${name} SQL spans`).toBeGreaterThan(0);
      expect(String(sql[0]!.attributes['db.query.text'])).toMatch(/SELECT/i);
    }
    // The request log lines of every service carry the trace id.
    const lines = requestLogLines(requestId);
    expect(lines.length).toBeGreaterThanOrEqual(4);
    expect(new Set(lines.map((line) => line.traceId))).toEqual(new Set([traceId]));
  });

  it("continues a caller's traceparent, and leaves an unsampled trace unrecorded", async () => {
    const traceId = hex(16);
    const callerSpanId = hex(8);
    await book({ traceparent: `00-${traceId}-${callerSpanId}-01` });
    const spans = await traceOf(traceId);
    const gatewayServer = serverSpan(spans, stack.gatewayUrl)!;
    expect(gatewayServer.parentSpanContext).toMatchObject({
      traceId,
      spanId: callerSpanId,
      isRemote: true,
    });
    for (const name of ['auth', 'users', 'clients'] as const) {
      expect(serverSpan(spans, stack.subgraphUrls[name]), name).toBeDefined();
    }

    const unsampled = hex(16);
    await book({ traceparent: `00-${unsampled}-${hex(8)}-00` });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(spansOf(unsampled)).toEqual([]);
  });

  describe('a gateway process with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
    const received: { path: string; body: string }[] = [];
    let collector: http.Server;
    let gateway: ServiceProcess | undefined;
    beforeAll(async () => {
      collector = http.createServer((req, res) => {
        let body = '';
        req.on('data', (chunk: Buffer) => (body += chunk.toString()));
        req.on('end', () => {
          received.push({ path: req.url ?? '', body });
          res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      });
      await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
      const { port } = collector.address() as AddressInfo;
      gateway = await startServiceProcess('gateway/src/index.ts', await findFreePort(), {
        OTEL_EXPORTER_OTLP_ENDPOINT: `http://127.0.0.1:${port}`,
        AUTH_SUBGRAPH_URL: stack.subgraphUrls.auth,
        USERS_SUBGRAPH_URL: stack.subgraphUrls.users,
        CLIENTS_SUBGRAPH_URL: stack.subgraphUrls.clients,
        JWKS_URL: stack.env.JWKS_URL!,
        GATEWAY_SECRET: stack.env.GATEWAY_SECRET!,
      });
    });
    afterAll(async () => {
      await stopServiceProcess(gateway);
      await new Promise((resolve) => collector?.close(resolve));
    });

    it('exports its spans over OTLP/HTTP, and the subgraphs join its trace', async () => {
      const traceId = hex(16);
      const res = await createGraphQLClient(gateway!.url).gql(
        BOOK,
        {},
        { token: astrologer.accessToken, headers: { traceparent: `00-${traceId}-${hex(8)}-01` } },
      );
      expect(res.errors).toBeUndefined();
      // SIGTERM flushes the batch of spans before the process exits.
      await stopServiceProcess(gateway, 'SIGTERM');
      await vi.waitFor(() => expect(received.length).toBeGreaterThan(0));
      expect(received.every(({ path }) => path === '/v1/traces')).toBe(true);
      const exported = received.map(({ body }) => body).join('\n');
      expect(exported).toContain(traceId);
      expect(exported).toContain('"gateway.fetch"');
      expect(exported).toMatch(/"service\.name","value":\{"stringValue":"gateway"\}/);
      // The users subgraph (in this process) recorded its span under the exported fetch span.
      const users = exporter
        .getFinishedSpans()
        .find(
          (span) =>
            span.spanContext().traceId === traceId &&
            span.kind === SpanKind.SERVER &&
            span.attributes['server.port'] === portOf(stack.subgraphUrls.users),
        );
      expect(users?.parentSpanContext?.isRemote).toBe(true);
      expect(exported).toContain(users!.parentSpanContext!.spanId);
    });
  });
});
