// The allowlist's normal form: what common clients add or reorder does not matter, what they
// ask for does.
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { normalForm } from '../src/operationNormalForm.ts';
import { withTypenames } from '../src/persistedOperations.ts';
import { contractOperations, gatewayApiSchema } from '../../tests/helpers/contract.ts';

const schema = gatewayApiSchema();
const form = (text: string) => normalForm(parse(text), schema);
const book = contractOperations('clients.graphql').find((op) => op.name === 'MyClientBook')!;
const login = contractOperations('auth.graphql').find((op) => op.name === 'Login')!;

describe('operation normal form', () => {
  it('ignores the __typename fields Apollo Client and urql add, whitespace and comments', () => {
    const sent = `# from the app\n${print(withTypenames(parse(book.document)))}`;
    expect(sent).toContain('__typename');
    expect(form(sent)).toBe(form(book.document));
  });

  it('ignores fragments and the order of definitions', () => {
    const withFragments = `
      fragment Owner on User { id name account { id email __typename } __typename }
      query MyClientBook($first: Int) { me { ...Me } }
      fragment Node on Client { id name tags owner { ...Owner } }
      fragment Me on AuthUser {
        id email
        profile { id name clientCount clients(first: $first) { totalCount edges { node { ...Node } } } }
      }`;
    expect(form(withFragments)).toBe(form(book.document));
  });

  it('merges a field selected twice and sorts selections, arguments and variables', () => {
    const reordered = `
      mutation Login($input: LoginInput!) {
        login(input: $input) { user { status role id email } refreshToken accessToken
          ... on AuthPayload { accessTokenExpiresAt accessToken user { id } } }
      }`;
    expect(form(reordered)).toBe(form(login.document));
    expect(
      form('query Q($b: Int, $a: String) { clients(search: $a, first: $b) { totalCount } }'),
    ).toBe(form('query Q($a: String, $b: Int) { clients(first: $b, search: $a) { totalCount } }'));
  });

  it('keeps what changes the request', () => {
    const base = form(login.document);
    expect(login.document).toMatch(/user \{[^}]*\}/);
    for (const changed of [
      login.document.replace('accessToken', 'accessToken\n    t: __typename'),
      login.document.replace('accessToken', 'token: accessToken'),
      login.document.replace('Login(', 'LogIn('),
      login.document.replace('user {', 'user @include(if: true) {'),
      `${login.document.replace(/user \{[^}]*\}/, 'user { ...U }')}
       fragment U on AuthUser { id email role status createdAt }`,
    ]) {
      expect(form(changed)).not.toBe(base);
    }
  });

  it('keeps inline fragments with directives or on another type', () => {
    const text = '{ me { ... @include(if: false) { email } } }';
    expect(form(text)).toContain('@include');
    expect(form(text)).not.toBe(form('{ me { email } }'));
  });

  it('refuses documents that are not one operation with its fragments', () => {
    expect(form(`${login.document}\nquery Other { me { id } }`)).toBeNull();
    expect(form('query A { me { ...Missing } }')).toBeNull();
    expect(form('fragment F on AuthUser { id }')).toBeNull();
    expect(form('type T { a: Int } query A { me { id } }')).toBeNull();
  });
});
