import { randomUUID } from 'node:crypto';
import type {
  ApolloServerPlugin,
  BaseContext,
  GraphQLRequestContextWillSendResponse,
} from '@apollo/server';
import type express from 'express';
import type { Logger } from './logger.ts';
import { activeTraceId } from './traceRequests.ts';

export const REQUEST_ID_HEADER = 'x-request-id';

// What we accept from a caller (or the gateway): short and printable, so that it cannot
// forge log lines or smuggle data; anything else is replaced by a fresh id.
const VALID_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/**
 * Gives every request an id: the caller's `X-Request-Id` when it is well formed, a new UUID
 * otherwise. It is returned in the response header and written back into the request headers,
 * so the gateway forwards it to the subgraphs and every service logs the same id.
 */
export const requestId: express.RequestHandler = (req, res, next) => {
  const given = req.get(REQUEST_ID_HEADER);
  const id = given && VALID_REQUEST_ID.test(given) ? given : randomUUID();
  req.headers[REQUEST_ID_HEADER] = id;
  res.setHeader(REQUEST_ID_HEADER, id);
  next();
};

/** The errors of a response: those Apollo reports and those of the result body. */
export function responseErrors(ctx: GraphQLRequestContextWillSendResponse<BaseContext>) {
  const body = ctx.response.body;
  const resultErrors = body.kind === 'single' ? body.singleResult.errors : undefined;
  return ctx.errors?.length ? ctx.errors : (resultErrors ?? []);
}

/** `success`, or the first error's `extensions.code`. */
export function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[]): string {
  const first = errors[0];
  if (!first) return 'success';
  const code = first.extensions?.code;
  return typeof code === 'string' ? code : 'ERROR';
}

/**
 * One JSON line per GraphQL request: request id, trace id (when traced), operation name,
 * duration, outcome and error codes. Never variables, the document, headers or results: those carry tokens, passwords,
 * email addresses and other personal data.
 */
export function requestLogPlugin(logger: Logger): ApolloServerPlugin<BaseContext> {
  return {
    async requestDidStart({ request }) {
      const started = performance.now();
      return {
        async willSendResponse(ctx) {
          const errors = responseErrors(ctx);
          const codes = [...new Set(errors.map((e) => e.extensions?.code).filter(Boolean))];
          const traceId = activeTraceId();
          logger.info(
            {
              requestId: request.http?.headers.get(REQUEST_ID_HEADER),
              ...(traceId ? { traceId } : {}),
              operation: ctx.operationName ?? null,
              durationMs: Math.round((performance.now() - started) * 10) / 10,
              status: ctx.response.http.status ?? 200,
              outcome: outcomeOf(errors),
              ...(codes.length ? { errorCodes: codes } : {}),
            },
            'request',
          );
        },
      };
    },
  };
}
