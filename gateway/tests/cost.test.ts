// The operation cost: variable-aware list sizes, connections counted once, fragments costed
// once, @skip/@include honoured. Pure: a schema and a document, no server.
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationCost, UNPAGED_LIST_SIZE } from '../src/cost.ts';
import { contractOperations, gatewayApiSchema } from '../../tests/helpers/contract.ts';

const schema = gatewayApiSchema();

function cost(text: string, variables: Record<string, unknown> = {}): number {
  const document = parse(text);
  const operation = document.definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  if (!operation) throw new Error('no operation');
  return operationCost(schema, document, operation, variables);
}

const book = contractOperations('clients.graphql').find((op) => op.name === 'MyClientBook')!;

describe('operationCost', () => {
  it('counts each scalar field once', () => {
    expect(cost('{ me { id email } }')).toBe(3);
  });

  it('multiplies a connection by the page it asks for, from a variable or a literal', () => {
    const twenty = cost(book.document, { first: 20 });
    const hundred = cost(book.document, { first: 100 });
    expect(hundred).toBeGreaterThan(twenty * 4);
    expect(cost(book.document.replace('first: $first', 'first: 100'), {})).toBe(hundred);
  });

  it('takes the default page when the size is absent, and caps it at the page maximum', () => {
    expect(cost(book.document, {})).toBe(cost(book.document, { first: 20 }));
    expect(cost(book.document, { first: 1_000_000 })).toBe(cost(book.document, { first: 100 }));
    expect(cost(book.document, { first: -5 })).toBe(cost(book.document, { first: 0 }));
  });

  it("uses the operation's default value when the request leaves the variable out", () => {
    const withDefault = book.document.replace('($first: Int)', '($first: Int = 100)');
    expect(cost(withDefault, {})).toBe(cost(book.document, { first: 100 }));
  });

  it('costs an unpaged list as a default page', () => {
    const one = cost('{ me { id } }');
    const sessions = cost('{ me { id sessions { id } } }');
    expect(sessions - one).toBe(1 + UNPAGED_LIST_SIZE);
  });

  it('costs a fragment spread like the fields it stands for, however often it is spread', () => {
    const inline = cost('{ me { id email } }');
    expect(cost('{ me { ...F } } fragment F on AuthUser { id email }')).toBe(inline);
    const chain = [
      '{ me { ...F0 } }',
      ...Array.from(
        { length: 12 },
        (_, i) => `fragment F${i} on AuthUser { id ...F${i + 1} ...F${i + 1} }`,
      ),
      'fragment F12 on AuthUser { id }',
    ].join('\n');
    // Each level doubles what the response could hold; the walk still finishes at once.
    expect(cost(chain)).toBeGreaterThan(2 ** 12);
  });

  it('leaves out what @skip and @include leave out', () => {
    const base = cost('{ me { id } }');
    expect(cost('query ($s: Boolean!) { me { id email @skip(if: $s) } }', { s: true })).toBe(base);
    expect(cost('query ($s: Boolean!) { me { id email @include(if: $s) } }', { s: true })).toBe(
      base + 1,
    );
  });
});
