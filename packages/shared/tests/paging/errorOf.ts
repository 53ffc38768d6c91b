import { GraphQLError } from 'graphql';

/** The `[code, field]` of the GraphQLError `run` throws, or 'no error'. */
export function errorOf(run: () => unknown): unknown {
  try {
    run();
  } catch (err) {
    if (err instanceof GraphQLError) return [err.extensions.code, err.extensions.field];
    throw err;
  }
  return 'no error';
}
