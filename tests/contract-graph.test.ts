// The foundation's slice of the contract: the operations whose fields it serves validate
// against the gateway. Each domain's test file checks its whole contract file.
import { describe, expect, it } from 'vitest';
import { contractOperations, gatewayApiSchema, validateOperation } from './helpers/contract.ts';

const schema = gatewayApiSchema();

describe('contract operations served by the foundation', () => {
  const foundation: Record<string, string[]> = {
    'auth.graphql': ['Login', 'RefreshSession'],
    'clients.graphql': ['MyClients'],
  };
  for (const [file, names] of Object.entries(foundation)) {
    const operations = contractOperations(file).filter((op) => names.includes(op.name));
    it(`finds ${names.join(', ')} in contract/${file}`, () => {
      expect(operations.map((op) => op.name).sort()).toEqual([...names].sort());
    });
    it.each(operations)(`$name validates against the gateway`, (operation) => {
      expect(validateOperation(schema, operation)).toEqual([]);
    });
  }
});
