// The whole public API: every operation the frontends send (contract/*.graphql) validates
// against the gateway's API schema. The domain tests run each one through the gateway.
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contractOperations, gatewayApiSchema, validateOperation } from './helpers/contract.ts';

const schema = gatewayApiSchema();
const files = readdirSync('contract').filter((f) => f.endsWith('.graphql'));

describe('the frontend contract', () => {
  it('has the three contract files', () => {
    expect(files.sort()).toEqual(['auth.graphql', 'clients.graphql', 'users.graphql']);
  });

  describe.each(files)('contract/%s', (file) => {
    const operations = contractOperations(file);
    it('holds named operations', () => {
      expect(operations.length).toBeGreaterThan(0);
      expect(operations.every((op) => op.name !== '(anonymous)')).toBe(true);
    });
    it.each(operations)('$name validates against the gateway', (operation) => {
      expect(validateOperation(schema, operation)).toEqual([]);
    });
  });
});
