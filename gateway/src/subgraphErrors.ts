import { STATUS_CODES } from 'node:http';
import { GraphQLError, type GraphQLErrorExtensions } from 'graphql';
import type { SubgraphAnswer } from './subgraphFetch.ts';

/** Codes of a subgraph's 400 answer that describe the client's input, safe to pass on. */
const INPUT_CODES = new Set(['BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED']);

/** A 5xx answer: the subgraph is failing (its body is not shown to clients). */
export class SubgraphServerError extends Error {}

function parsed(answer: SubgraphAnswer): unknown {
  try {
    return JSON.parse(answer.text) as unknown;
  } catch {
    return answer.text;
  }
}

/**
 * The error for a subgraph's non-2xx answer. 5xx: SubgraphServerError (the subgraph is
 * failing; dataSource.ts reports it as SUBGRAPH_UNAVAILABLE). A subgraph answers HTTP 400 when
 * its own scalars refuse a value the gateway's schema cannot judge (the supergraph knows custom
 * scalars by name only): a variable (BAD_USER_INPUT, e.g. birthDate "2023-02-30") or a literal
 * written inline in the query (GRAPHQL_VALIDATION_FAILED, e.g. `dateOfBirth: "1999-13-45"`):
 * the subgraph's code, message and `extensions.field` are kept, nothing else (no URL, no
 * stack). Any other answer gets RemoteGraphQLDataSource's default: "<status>: <text>" with the
 * response in extensions (masked as INTERNAL_SERVER_ERROR by formatError), UNAUTHENTICATED for
 * 401, FORBIDDEN for 403.
 */
export function errorFromSubgraphAnswer(answer: SubgraphAnswer, url: string): Error {
  const { status } = answer;
  if (status >= 500) return new SubgraphServerError(`HTTP ${status}`);
  // The subgraph's body limit (1 MB for auth and users) is below the gateway's (6 MB, for CSV
  // imports): what the gateway let through is still the client's oversized input.
  if (status === 413) {
    return new GraphQLError('The request is too large for this operation', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  const body = parsed(answer);
  if (status === 400 && typeof body === 'object' && body !== null) {
    const first = (
      body as { errors?: { message?: unknown; extensions?: { code?: unknown; field?: unknown } }[] }
    ).errors?.[0];
    const code = first?.extensions?.code;
    if (typeof code === 'string' && INPUT_CODES.has(code) && typeof first?.message === 'string') {
      const field = first.extensions?.field;
      return new GraphQLError(first.message, {
        extensions: { code, ...(typeof field === 'string' ? { field } : {}) },
      });
    }
  }
  const statusText = STATUS_CODES[status] ?? '';
  const extensions: GraphQLErrorExtensions = {
    response: { url, status, statusText, body },
  };
  if (status === 401) extensions.code = 'UNAUTHENTICATED';
  else if (status === 403) extensions.code = 'FORBIDDEN';
  return new GraphQLError(`${status}: ${statusText}`, { extensions });
}
