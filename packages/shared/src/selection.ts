import { Kind, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/**
 * Whether the field being resolved selects the sub-field `name` (under any alias, directly or
 * through fragments), so that a resolver can skip work nobody asked for, e.g. counting a whole
 * list for a `totalCount` that is not selected. @skip/@include are not evaluated: a field they
 * might drop counts as selected, which costs work but never changes an answer.
 * Hand-written: graphql-js keeps its collectFields internal, and this needs only the one level.
 */
export function selectsField(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const within = (set: SelectionSetNode | undefined): boolean =>
    (set?.selections ?? []).some((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value === name;
      if (selection.kind === Kind.INLINE_FRAGMENT) return within(selection.selectionSet);
      const fragment = selection.name.value;
      if (seen.has(fragment)) return false;
      seen.add(fragment);
      return within(info.fragments[fragment]?.selectionSet);
    });
  return info.fieldNodes.some((node) => within(node.selectionSet));
}
