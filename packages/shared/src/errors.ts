import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import type { Logger } from './logger.ts';

/** The error codes of the public API (contract/auth.graphql's header). */
export const ErrorCode = {
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  RATE_LIMITED: 'RATE_LIMITED',
  /** The service cannot answer safely yet (e.g. revocations not loaded); retry shortly. */
  SERVICE_UNAVAILABLE: 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
  /** A subgraph failed, timed out or is fenced off by its circuit breaker (gateway only). */
  SUBGRAPH_UNAVAILABLE: 'SUBGRAPH_UNAVAILABLE',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Codes that GraphQL itself or Apollo Server produce for malformed requests: safe to show. */
const PASSTHROUGH_CODES = new Set<string>([
  ...Object.values(ErrorCode),
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'PERSISTED_QUERY_NOT_IN_LIST',
  'OPERATION_RESOLUTION_FAILURE',
]);

function error(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
  return new GraphQLError(message, { extensions: { ...extensions, code } });
}

export const unauthenticated = (message = 'Authentication required') =>
  error(ErrorCode.UNAUTHENTICATED, message);
/** Not allowed; `reason` (e.g. ACCOUNT_SUSPENDED) tells clients which refusal it is. */
export const forbidden = (message = 'Not allowed', reason?: string) =>
  error(ErrorCode.FORBIDDEN, message, reason ? { reason } : {});
export const notFound = (what = 'Resource') => error(ErrorCode.NOT_FOUND, `${what} not found`);
export const conflict = (message: string) => error(ErrorCode.CONFLICT, message);
/** Refused by a limit; `extensions.retryAfter` says in how many seconds to try again. */
export const rateLimited = (message: string, retryAfter?: number) =>
  error(ErrorCode.RATE_LIMITED, message, retryAfter ? { retryAfter } : {});
/** Answered with HTTP 503 when it happens before execution (context creation). */
export const serviceUnavailable = (message: string, retryAfter?: number) =>
  error(ErrorCode.SERVICE_UNAVAILABLE, message, {
    http: { status: 503 },
    ...(retryAfter ? { retryAfter } : {}),
  });
/** Invalid input; `field` names the offending input field so clients can show it. */
export const badInput = (message: string, field?: string) =>
  error(ErrorCode.BAD_USER_INPUT, message, field ? { field } : {});

interface KnownPrismaError {
  code: string;
  meta?: Record<string, unknown>;
}

function isKnownPrismaError(value: unknown): value is KnownPrismaError {
  return (
    typeof value === 'object' &&
    value !== null &&
    'code' in value &&
    typeof value.code === 'string' &&
    /^P\d{4}$/.test(value.code)
  );
}

/**
 * Maps the Prisma errors that mean "bad request" rather than "server fault" to API errors.
 * This is the only place that knows Prisma error codes.
 */
export function mapPrismaError(err: unknown): GraphQLError | undefined {
  if (!isKnownPrismaError(err)) return undefined;
  switch (err.code) {
    case 'P2002':
      return conflict('A record with these values already exists');
    case 'P2025':
    case 'P2001':
      return notFound();
    case 'P2003':
      return badInput('A referenced record does not exist');
    case 'P2000':
      return badInput('A value is too long');
    default:
      return undefined;
  }
}

/**
 * Apollo Server `formatError`: keeps API errors as they are (without a stack trace), maps known
 * Prisma errors, and masks everything else as INTERNAL_SERVER_ERROR (logged with its cause,
 * sent with its stack only when `exposeDetails`, i.e. in development).
 */
export function createFormatError(logger: Logger, { exposeDetails = false } = {}) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    const code = formatted.extensions?.code;
    if (
      typeof code === 'string' &&
      code !== 'INTERNAL_SERVER_ERROR' &&
      PASSTHROUGH_CODES.has(code)
    ) {
      // An expected error (a known code) says all there is: its stack, even in development,
      // would only show the gateway's query plan (`downstreamServiceError`) or the resolver
      // that refused, and an unavailable subgraph is named, never located.
      return withoutStack(formatted);
    }
    const original = unwrapResolverError(raw);
    const mapped = mapPrismaError(original);
    if (mapped) {
      return { ...formatted, message: mapped.message, extensions: { ...mapped.extensions } };
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    if (exposeDetails) return formatted;
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
    };
  };
}

function withoutStack(formatted: GraphQLFormattedError): GraphQLFormattedError {
  if (!formatted.extensions?.stacktrace) return formatted;
  const { stacktrace: _stacktrace, ...extensions } = formatted.extensions;
  return { ...formatted, extensions };
}
