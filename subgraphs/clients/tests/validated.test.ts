// The GraphQL edge of the domain validation: a ValidationError becomes BAD_USER_INPUT with its
// field and message; any other failure passes through untouched.
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { validated } from '../src/validated.ts';
import { validateClientInput } from '../src/validation.ts';
import { ValidationError } from '../src/validationError.ts';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('nothing was thrown');
}

describe('validateClientInput', () => {
  it('throws a ValidationError naming the field, no GraphQL error', () => {
    const err = thrown(() => validateClientInput({ name: 'Ada', latitude: 91 }));
    expect(err).toBeInstanceOf(ValidationError);
    expect(err).not.toBeInstanceOf(GraphQLError);
    expect(err).toMatchObject({ field: 'latitude' });
  });

  it('refuses a birth date outside the storable bounds on birthDate', () => {
    expect(
      thrown(() => validateClientInput({ name: 'Ada', birthDate: '1799-12-31' })),
    ).toMatchObject({
      field: 'birthDate',
      message: 'birthDate must be between 1800-01-01 and 2200-12-31',
    });
  });
});

describe('validated', () => {
  it('answers a ValidationError as BAD_USER_INPUT with its field and message', () => {
    const err = thrown(() => validated(() => validateClientInput({ name: '  ' })));
    expect(err).toBeInstanceOf(GraphQLError);
    expect((err as GraphQLError).message).toBe('name is required');
    expect((err as GraphQLError).extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'name' });
  });

  it('returns the value, and passes other errors on unchanged', () => {
    expect(validated(() => 42)).toBe(42);
    const other = new Error('boom');
    expect(
      thrown(() =>
        validated(() => {
          throw other;
        }),
      ),
    ).toBe(other);
  });
});
