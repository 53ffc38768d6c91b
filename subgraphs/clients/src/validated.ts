import { badInput } from '@grahvani/shared';
import { ValidationError } from './validationError.ts';

/**
 * Runs a domain validation for a resolver: a {@link ValidationError} becomes BAD_USER_INPUT with
 * its message and `extensions.field`, as the API has always answered it; anything else passes.
 */
export function validated<T>(validate: () => T): T {
  try {
    return validate();
  } catch (err) {
    if (err instanceof ValidationError) throw badInput(err.message, err.field);
    throw err;
  }
}
