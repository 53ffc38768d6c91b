/**
 * A refused value, named by its field: what the domain functions (validation.ts, the CSV reader)
 * throw. They know nothing of GraphQL; the resolvers map it to BAD_USER_INPUT (validated.ts) and
 * the import worker records it as the row's failure.
 */
export class ValidationError extends Error {
  override readonly name = 'ValidationError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
