// The list operations of the contract the scale benchmark times, as the frontends send them
// (contract/*.graphql), plus paged variants (first/after variables) for the deep-page walk.
import { contractOperations } from '../tests/helpers/contract.ts';

const byName = new Map(
  ['auth.graphql', 'users.graphql', 'clients.graphql'].flatMap((file) =>
    contractOperations(file).map((op) => [op.name, op.document] as const),
  ),
);

/** The document of a contract operation, exactly as in contract/. */
export function contractOp(name: string): string {
  const document = byName.get(name);
  if (!document) throw new Error(`no contract operation ${name}`);
  return document;
}

// A client's lists, each selected as ClientById selects it, one list per operation so that
// each is timed on its own.
export const CLIENT_CONSULTATIONS = /* GraphQL */ `
  query ClientConsultations($id: ID!, $first: Int, $after: String) {
    client(id: $id) {
      id
      consultations(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            type
            date
            durationMinutes
            fee
            notes
          }
        }
      }
    }
  }
`;

export const CLIENT_NOTES = /* GraphQL */ `
  query ClientNotes($id: ID!) {
    client(id: $id) {
      id
      notes {
        id
        content
        category
        createdAt
      }
    }
  }
`;

export const CLIENT_ACTIVITY = /* GraphQL */ `
  query ClientActivity($id: ID!, $first: Int, $after: String) {
    client(id: $id) {
      id
      activity(first: $first, after: $after) {
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          node {
            id
            action
            createdAt
          }
        }
      }
    }
  }
`;

/** UserById's followers list with a variable page. */
export const USER_FOLLOWERS = /* GraphQL */ `
  query UserFollowers($id: ID!, $first: Int, $after: String) {
    user(id: $id) {
      id
      followerCount
      followers(first: $first, after: $after) {
        totalCount
        pageInfo {
          hasNextPage
          endCursor
        }
        edges {
          cursor
          node {
            id
            name
          }
        }
      }
    }
  }
`;

/** Where an operation's connection sits in its data, to read `pageInfo.endCursor`. */
export type ConnectionPath = readonly string[];

export const connectionPaths = {
  MyClients: ['clients'],
  AuthUsers: ['authUsers'],
  ClientConsultations: ['client', 'consultations'],
  ClientActivity: ['client', 'activity'],
  UserFollowers: ['user', 'followers'],
} as const satisfies Record<string, ConnectionPath>;

/** The end cursor of the connection at `path` of a response's data, or null. */
export function endCursorOf(data: unknown, path: ConnectionPath): string | null {
  let node: unknown = data;
  for (const key of [...path, 'pageInfo', 'endCursor']) {
    if (node === null || typeof node !== 'object') return null;
    node = (node as Record<string, unknown>)[key];
  }
  return typeof node === 'string' ? node : null;
}
