// What the scale benchmark times: each list operation on a small and a big book, deep pages
// against first pages, and one tenant among many against the small book.
import type { Stack } from '../tests/helpers/stack.ts';
import type { Book } from './scaleData.ts';
import {
  CLIENT_ACTIVITY,
  CLIENT_CONSULTATIONS,
  CLIENT_NOTES,
  connectionPaths,
  contractOp,
  endCursorOf,
  USER_FOLLOWERS,
} from './scaleOperations.ts';
import { checked, comparePair, medianOf, type Row, type Run } from './scaleTiming.ts';

type Vars = Record<string, unknown>;

/** One operation as each book asks it. */
interface Case {
  operation: string;
  query: string;
  variables: (book: Book) => Vars;
  /** Another token than the book's own (AuthUsers needs an admin). */
  token?: string;
}

const run =
  (stack: Stack, query: string, variables: Vars, token: string): Run =>
  () =>
    stack.gql(query, variables, { token });

/** The client book's list operations, the same for every book. */
export function bookCases(): Case[] {
  return [
    {
      operation: 'MyClients(first: 20)',
      query: contractOp('MyClients'),
      variables: () => ({ first: 20 }),
    },
    {
      operation: 'MyClients(first: 20, search: "Client 1-12")',
      query: contractOp('MyClients'),
      variables: () => ({ first: 20, search: 'Client 1-12' }),
    },
    {
      operation: 'MyClients(first: 20, tags: ["t3"])',
      query: contractOp('MyClients'),
      variables: () => ({ first: 20, tags: ['t3'] }),
    },
    // The same filters with pages of the size the 20-client book returns (1 match for the
    // search, 2 for the tag): like for like, what the count and the page cost at scale, not
    // 20 edges and their owners against 1 or 2.
    {
      operation: 'MyClients(first: 1, search: "Client 1-12")',
      query: contractOp('MyClients'),
      variables: () => ({ first: 1, search: 'Client 1-12' }),
    },
    {
      operation: 'MyClients(first: 2, tags: ["t3"])',
      query: contractOp('MyClients'),
      variables: () => ({ first: 2, tags: ['t3'] }),
    },
    {
      operation: 'MyClientBook(first: 20)',
      query: contractOp('MyClientBook'),
      variables: () => ({ first: 20 }),
    },
  ];
}

function recordCases(): Case[] {
  return [
    {
      operation: 'client consultations(first: 10)',
      query: CLIENT_CONSULTATIONS,
      variables: (b) => ({ id: b.clientId, first: 10 }),
    },
    { operation: 'client notes', query: CLIENT_NOTES, variables: (b) => ({ id: b.clientId }) },
    {
      operation: 'client activity(first: 10)',
      query: CLIENT_ACTIVITY,
      variables: (b) => ({ id: b.clientId, first: 10 }),
    },
    {
      operation: 'ClientById (all of the above)',
      query: contractOp('ClientById'),
      variables: (b) => ({ id: b.clientId }),
    },
    {
      operation: 'UserById (followers(first: 10))',
      query: contractOp('UserById'),
      variables: (b) => ({ id: b.starId }),
    },
  ];
}

async function compareCases(stack: Stack, cases: Case[], small: Book, big: Book, rounds: number) {
  const rows: Row[] = [];
  for (const c of cases) {
    const [s, b] = await comparePair(
      run(stack, c.query, c.variables(small), c.token ?? small.token),
      run(stack, c.query, c.variables(big), c.token ?? big.token),
      rounds,
    );
    rows.push({ operation: c.operation, small: s, big: b });
  }
  return rows;
}

export const AUTH_USERS = { first: 20 };

/** AuthUsers(first: 20) as an admin: the median of `rounds`. */
export function timeAuthUsers(stack: Stack, adminToken: string, rounds: number) {
  return medianOf(run(stack, contractOp('AuthUsers'), AUTH_USERS, adminToken), rounds);
}

/** Every list operation, small book against big book; AuthUsers from before and after. */
export async function listRows(
  stack: Stack,
  books: { small: Book; big: Book },
  authUsers: { small: number; big: number },
  rounds: number,
): Promise<Row[]> {
  const cases = [...bookCases(), ...recordCases()];
  return [
    ...(await compareCases(stack, cases, books.small, books.big, rounds)),
    { operation: 'AuthUsers(first: 20) (before / after the accounts)', ...authUsers },
  ];
}

/** A connection's first page of 100 against its 50th, reached by walking the cursors. */
async function deepPage(
  stack: Stack,
  query: string,
  path: readonly string[],
  vars: Vars,
  token: string,
  rounds: number,
) {
  let after: string | null = null;
  for (let page = 1; page < 50; page++) {
    const res = await checked(run(stack, query, { ...vars, first: 100, after }, token));
    after = endCursorOf(res.data, path);
    if (!after) throw new Error(`${query.slice(0, 40)}: fewer than 50 pages of 100`);
  }
  return comparePair(
    run(stack, query, { ...vars, first: 100, after: null }, token),
    run(stack, query, { ...vars, first: 100, after }, token),
    rounds,
  );
}

/** Page 50 of 100 against page 1, for every paged list of the big book. */
export async function deepPages(stack: Stack, big: Book, adminToken: string, rounds: number) {
  const cases: [string, string, readonly string[], Vars, string][] = [
    ['MyClients', contractOp('MyClients'), connectionPaths.MyClients, {}, big.token],
    [
      'client consultations',
      CLIENT_CONSULTATIONS,
      connectionPaths.ClientConsultations,
      { id: big.clientId },
      big.token,
    ],
    [
      'client activity',
      CLIENT_ACTIVITY,
      connectionPaths.ClientActivity,
      { id: big.clientId },
      big.token,
    ],
    [
      'UserById followers',
      USER_FOLLOWERS,
      connectionPaths.UserFollowers,
      { id: big.starId },
      big.token,
    ],
    ['AuthUsers', contractOp('AuthUsers'), connectionPaths.AuthUsers, {}, adminToken],
  ];
  const rows: Row[] = [];
  for (const [operation, query, path, vars, token] of cases) {
    const [first, fiftieth] = await deepPage(stack, query, path, vars, token, rounds);
    rows.push({ operation: `${operation}(first: 100)`, small: first, big: fiftieth });
  }
  return rows;
}

/** The client book's operations for one tenant among many against the small book. */
export function tenantRows(stack: Stack, small: Book, tenant: Book, rounds: number) {
  return compareCases(stack, bookCases(), small, tenant, rounds);
}
