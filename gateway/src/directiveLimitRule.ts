import {
  Kind,
  visit,
  BREAK,
  type ASTNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLError,
  type OperationDefinitionNode,
  type ValidationRule,
} from 'graphql';
import { limitError } from './limitError.ts';

export interface DirectiveLimits {
  /** Directives on one node (field, fragment spread, inline fragment, operation...). */
  perField: number;
  /** Directives in an operation and the fragments it uses (each fragment counted once). */
  perOperation: number;
}

function directivesOf(node: ASTNode): readonly DirectiveNode[] {
  return 'directives' in node && node.directives ? node.directives : [];
}

/** Directives of `operation`, its variables and every fragment it reaches (cycle-safe). */
function countInOperation(
  operation: OperationDefinitionNode,
  fragments: Map<string, FragmentDefinitionNode>,
): number {
  let count = 0;
  const seen = new Set<string>();
  const pending: ASTNode[] = [operation];
  for (let node = pending.pop(); node; node = pending.pop()) {
    visit(node, {
      enter(child) {
        count += directivesOf(child).length;
        if (child.kind !== Kind.FRAGMENT_SPREAD || seen.has(child.name.value)) return;
        seen.add(child.name.value);
        const fragment = fragments.get(child.name.value);
        if (fragment) pending.push(fragment);
      },
    });
  }
  return count;
}

/** The first limit `document` breaks, or null. */
export function directiveLimitError(
  document: DocumentNode,
  limits: DirectiveLimits,
): GraphQLError | null {
  let crowded = false;
  visit(document, {
    enter(node) {
      if (directivesOf(node).length <= limits.perField) return undefined;
      crowded = true;
      return BREAK;
    },
  });
  if (crowded) return limitError('MAX_FIELD_DIRECTIVES', limits.perField);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
    }
  }
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const count = countInOperation(definition, fragments);
    if (count > limits.perOperation) {
      return limitError('MAX_QUERY_DIRECTIVES', limits.perOperation, count);
    }
  }
  return null;
}

/**
 * Refuses a document with more than `perField` directives on a node or `perOperation` in an
 * operation, with one error and before graphql-js's own rules look at it (which would answer
 * every unknown or repeated directive with an error of its own: "directive overloading").
 * graphql-armor's maxDirectives counts only per operation, and inside the same validation
 * pass as those rules, hence this rule.
 */
export function directiveLimitRule(limits: DirectiveLimits): ValidationRule {
  return (context) => ({
    Document(document) {
      const error = directiveLimitError(document, limits);
      if (!error) return undefined;
      context.reportError(error);
      // A null edit on the root ends the traversal of every rule of this validation pass
      // (graphql-js runs the rules in parallel over one visit): this is the only error.
      return null;
    },
  });
}
