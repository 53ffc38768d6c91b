// Every operation of contract/users.graphql validates against the gateway's API schema.
import { describe, expect, it } from 'vitest';
import { contractOperations, gatewayApiSchema, validateOperation } from './helpers/contract.ts';

const schema = gatewayApiSchema();
const operations = contractOperations('users.graphql');

describe('contract/users.graphql', () => {
  it('holds the operations the users tests exercise', () => {
    expect(operations.map((op) => op.name).sort()).toEqual(
      [
        'AddAddress',
        'Follow',
        'MyActivity',
        'MyProfile',
        'RemoveAddress',
        'Unfollow',
        'UpdateAddress',
        'UpdatePreferences',
        'UpdateProfile',
        'UserById',
      ].sort(),
    );
  });

  it.each(operations)('$name validates against the gateway', (operation) => {
    expect(validateOperation(schema, operation)).toEqual([]);
  });
});
