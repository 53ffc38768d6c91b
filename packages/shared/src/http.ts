import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApolloServer, BaseContext } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import { GraphQLError } from 'graphql';
import type { Registry } from 'prom-client';
import type { Logger } from './logger.ts';
import { metricsRoute } from './metrics.ts';
import { requestId } from './requestLog.ts';
import { requireGatewayProof } from './gatewayProof.ts';
import { createDrain } from './drain.ts';
import { traceRequests } from './traceRequests.ts';

export interface HttpServiceOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** Builds the per-request context; a thrown UNAUTHENTICATED error answers HTTP 401. */
  context: (req: express.Request) => Promise<TContext>;
  /** Extra routes, mounted before /graphql (behind the gateway proof when there is one). */
  routes?: (app: express.Express) => void;
  /** Routes open to anyone like the probes (e.g. the JWKS document). */
  publicRoutes?: (app: express.Express) => void;
  /**
   * When set, every request but the probes and `publicRoutes` must carry this secret in
   * `x-gateway-secret`, or gets HTTP 401 before anything else runs (subgraphs).
   */
  gatewaySecret?: string;
  /** Peers whose X-Forwarded-For sets `req.ip` (TRUSTED_PROXIES; default loopback). */
  trustedProxies?: string[];
  /** Readiness probe behind GET /ready (e.g. a database round trip). */
  ready?: () => Promise<{ ok: boolean; [key: string]: unknown }>;
  /** Cross-origin access (the gateway's CORS), run before every route; subgraphs have none. */
  cors?: express.RequestHandler;
  /** Largest accepted request body (default 1mb). */
  bodyLimit?: string;
  /** Served at GET /metrics, behind `Authorization: Bearer <token>` when a token is given. */
  metrics?: { registry: Registry; token?: string };
  /** Logs requests refused before GraphQL (malformed or oversized bodies), with their id. */
  logger?: Logger;
  /** On close, how long requests in progress may take to finish (default 10 s). */
  shutdownGraceMs?: number;
}

export interface HttpService {
  app: express.Express;
  httpServer: http.Server;
  /** Listens (port 0 picks a free port) and returns the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  /**
   * Graceful stop: accepts no new connections, answers 503 on /ready, lets requests in
   * progress finish (up to shutdownGraceMs), then stops Apollo Server.
   */
  close(): Promise<void>;
}

/**
 * Serves an Apollo Server over HTTP with express: POST/GET /graphql, GET /health (liveness),
 * GET /ready (readiness) and any extra routes. Apollo Server's standalone server cannot add
 * routes, which the JWKS endpoint and probes need.
 */
export async function createHttpService<TContext extends BaseContext>(
  options: HttpServiceOptions<TContext>,
): Promise<HttpService> {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustedProxies ?? ['loopback']);
  const httpServer = http.createServer(app);
  const drain = createDrain(httpServer);
  await options.apollo.start();
  app.use(requestId);
  if (options.cors) app.use(options.cors);

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  if (options.metrics) {
    app.get('/metrics', metricsRoute(options.metrics.registry, options.metrics.token));
  }
  app.get('/ready', async (_req, res) => {
    if (drain.draining) {
      res.status(503).json({ ok: false, stopping: true });
      return;
    }
    const result = options.ready ? await options.ready() : { ok: true };
    res.status(result.ok ? 200 : 503).json(result);
  });
  options.publicRoutes?.(app);
  if (options.gatewaySecret !== undefined) app.use(requireGatewayProof(options.gatewaySecret));
  options.routes?.(app);
  app.use(
    '/graphql',
    traceRequests,
    express.json({ limit: options.bodyLimit ?? '1mb' }),
    expressMiddleware(options.apollo, {
      context: async ({ req }) => {
        try {
          return await options.context(req);
        } catch (err) {
          if (err instanceof GraphQLError && err.extensions.code === 'UNAUTHENTICATED') {
            throw new GraphQLError(err.message, {
              extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
            });
          }
          throw err;
        }
      },
    }),
  );
  // Malformed JSON or an oversized body: a GraphQL-shaped error, never an HTML stack trace.
  app.use(
    (
      err: Error & { status?: number; type?: string },
      req: express.Request,
      res: express.Response,
      next: express.NextFunction,
    ) => {
      if (res.headersSent) return next(err);
      const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
      const message =
        err.type === 'entity.too.large'
          ? 'Request body is too large'
          : status === 500
            ? 'Internal server error'
            : 'Malformed request body';
      options.logger?.info(
        {
          requestId: req.get('x-request-id'),
          operation: null,
          status,
          outcome: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST',
        },
        'request',
      );
      res.status(status).json({
        errors: [
          {
            message,
            extensions: { code: status === 500 ? 'INTERNAL_SERVER_ERROR' : 'BAD_REQUEST' },
          },
        ],
      });
    },
  );

  return {
    app,
    httpServer,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(port, host, () => {
          httpServer.off('error', reject);
          const { port: actual } = httpServer.address() as AddressInfo;
          resolve(`http://${host.includes(':') ? `[${host}]` : host}:${actual}/graphql`);
        });
      });
    },
    async close() {
      await drain.close(options.shutdownGraceMs ?? 10_000);
      await options.apollo.stop();
    },
  };
}
