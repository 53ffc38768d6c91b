import { badInput } from '@grahvani/shared';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { Prisma } from './generated/prisma/client.ts';

const AMOUNT = /^\d{1,10}(\.\d{1,2})?$/;

/** A fee from the API ("1500", "1500.5", "1500.00") as an exact decimal; BAD_USER_INPUT otherwise. */
export function parseFee(value: string): Prisma.Decimal {
  const text = value.trim();
  if (!AMOUNT.test(text)) {
    throw badInput('fee must be a decimal string with at most two places, e.g. "1500.00"', 'fee');
  }
  return new Prisma.Decimal(text);
}

/** A stored fee as the API shows it: always two places. */
export function formatFee(value: Prisma.Decimal): string {
  return value.toFixed(2);
}

/**
 * The Decimal scalar: money as a string on the wire, never a float. Input must be a string
 * (a JSON number would already have lost precision); its format is checked by the resolver,
 * which names the field.
 */
export const DecimalScalar = new GraphQLScalarType<string, string>({
  name: 'Decimal',
  description: 'An exact decimal amount as a string with two places, e.g. "1500.00".',
  serialize(value) {
    if (typeof value === 'string') return value;
    if (Prisma.Decimal.isDecimal(value)) return formatFee(value);
    throw new GraphQLError('Decimal cannot represent this value');
  },
  parseValue(value) {
    if (typeof value !== 'string')
      throw new GraphQLError('Decimal must be a string, e.g. "1500.00"');
    return value;
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING)
      throw new GraphQLError('Decimal must be a string, e.g. "1500.00"');
    return ast.value;
  },
});
