import { createHash } from 'node:crypto';
import {
  Kind,
  print,
  visit,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * The documents each contract operation can be sent as by hash alone (Apollo's automatic
 * persisted queries, `extensions.persistedQuery.sha256Hash`), keyed by that hash: the
 * operation (with the fragments it uses) as graphql-js prints it, and the same with the
 * `__typename` fields Apollo Client's InMemoryCache adds, which is what Apollo Client's
 * persisted-queries link hashes when the app uses the contract's document as it is.
 */
export function persistedOperations(documents: DocumentNode[]): Map<string, string> {
  const byHash = new Map<string, string>();
  for (const document of documents) {
    for (const text of [print(document), print(withTypenames(document))]) {
      byHash.set(sha256(text), text);
    }
  }
  return byHash;
}

/** One operation of a contract file with the fragments it spreads (transitively). */
export function operationDocument(
  operation: OperationDefinitionNode,
  fragments: FragmentDefinitionNode[],
): DocumentNode {
  const byName = new Map(fragments.map((f) => [f.name.value, f]));
  const used = new Set<string>();
  const collect = (node: OperationDefinitionNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const fragment = byName.get(spread.name.value);
        if (fragment && !used.has(spread.name.value)) {
          used.add(spread.name.value);
          collect(fragment);
        }
      },
    });
  collect(operation);
  return {
    kind: Kind.DOCUMENT,
    definitions: [operation, ...fragments.filter((f) => used.has(f.name.value))],
  };
}

const TYPENAME: FieldNode = {
  kind: Kind.FIELD,
  name: { kind: Kind.NAME, value: '__typename' },
};

/**
 * Apollo Client 3's `addTypenameToDocument`, which InMemoryCache applies before sending:
 * `__typename` last in every selection set but the operation's own, unless the set already
 * selects `__typename` or an introspection field. Reproduced (not imported) because the
 * gateway does not depend on a client library; the browser test proves the hashes agree.
 */
export function withTypenames(document: DocumentNode): DocumentNode {
  return visit(document, {
    SelectionSet: {
      enter(node: SelectionSetNode, _key, parent) {
        if (parent && 'kind' in parent && parent.kind === Kind.OPERATION_DEFINITION) return;
        const skip = node.selections.some(
          (s) => s.kind === Kind.FIELD && s.name.value.startsWith('__'),
        );
        if (skip) return;
        return { ...node, selections: [...node.selections, TYPENAME] };
      },
    },
  });
}
