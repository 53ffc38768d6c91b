// A web app as a frontend team would write it: Apollo Client 3 with its default
// InMemoryCache, the access token kept in memory, the contract's documents. Bundled by
// tests/browser/bundle.ts and driven by tests/browser-apollo.test.ts in chromium.
import type { ApolloLink } from '@apollo/client/core';
import { ApolloClient, HttpLink, InMemoryCache, from } from '@apollo/client/core';
import { setContext } from '@apollo/client/link/context';
import { createPersistedQueryLink } from '@apollo/client/link/persisted-queries';
import { Kind, parse, print, type DocumentNode } from 'graphql';
import authContract from '../../contract/auth.graphql';
import clientsContract from '../../contract/clients.graphql';
import type { RunOptions, RunResult } from './appTypes.ts';

/** One contract operation as its own document (Apollo Client wants one operation each). */
function contract(source: string, name: string): DocumentNode {
  const definition = parse(source).definitions.find(
    (d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name,
  );
  if (!definition) throw new Error(`no operation ${name} in the contract`);
  return { kind: Kind.DOCUMENT, definitions: [definition] };
}

// Apps often read with fragments: the same selection as the contract's ClientById.
const CLIENT_BY_ID = parse(`
  fragment ClientRecords on Client {
    consultations(first: 10) { totalCount edges { node { id type date durationMinutes fee notes } } }
    savedCharts { id chartType createdAt }
    notes { id content category createdAt }
    remedies { id type description status createdAt }
    activity(first: 10) { edges { node { id action createdAt } } }
  }
  query ClientById($id: ID!) { client(id: $id) { ...ClientDetails ...ClientRecords } }
  fragment ClientDetails on Client {
    id name email phone birthDate birthTime birthPlace latitude longitude timezone tags
    owner { id name account { id email } }
    familyLinks { id relationshipType relatedClient { id name } }
  }
`);

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

interface Book {
  me: { email: string; profile: { clientCount: number; clients: { totalCount: number } } };
}

interface Session {
  accessToken: string;
  refreshToken: string;
  accessTokenExpiresAt: string;
}

/**
 * Signs in, reads the client book, creates a client and reads it back, refreshes the session
 * and reads the book again; renders each step. Tokens as the README's "Call it from a web app"
 * recommends: in memory, refreshed by `refreshSession` without the Authorization header.
 */
async function run(options: RunOptions): Promise<RunResult> {
  let session: Session | null = null; // in memory only: never localStorage
  let refreshing: Promise<void> | null = null;
  const refresh = (): Promise<void> => {
    refreshing ??= (async () => {
      const res = await fetch(options.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json' }, // no Authorization
        body: JSON.stringify({
          operationName: 'RefreshSession',
          query: print(contract(authContract, 'RefreshSession')),
          variables: { refreshToken: session!.refreshToken },
        }),
      });
      const { data } = (await res.json()) as { data?: { refreshSession: Session } | null };
      session = data?.refreshSession ?? null;
    })().finally(() => (refreshing = null));
    return refreshing;
  };
  const auth = setContext(async (_operation, { headers }) => {
    if (session && Date.parse(session.accessTokenExpiresAt) - Date.now() < 60_000) await refresh();
    return {
      headers: { ...headers, ...(session && { authorization: `Bearer ${session.accessToken}` }) },
    };
  });
  const links: ApolloLink[] = [auth];
  if (options.persisted) links.push(createPersistedQueryLink({ sha256 }));
  links.push(new HttpLink({ uri: options.gatewayUrl }));
  const client = new ApolloClient({ link: from(links), cache: new InMemoryCache() });
  const result: RunResult = { steps: [] };
  const step = (text: string) => {
    result.steps.push(text);
    const li = document.createElement('li');
    li.textContent = text;
    document.querySelector('#steps')!.append(li);
  };
  try {
    const login = await client.mutate<{ login: Session }>({
      mutation: contract(authContract, 'Login'),
      variables: { input: { email: options.email, password: options.password } },
    });
    session = login.data!.login;
    step('signed in');
    const book = contract(clientsContract, 'MyClientBook');
    const before = await client.query<Book>({ query: book, variables: { first: 10 } });
    result.clientCountBefore = before.data.me.profile.clientCount;
    step(`client book: ${result.clientCountBefore} clients`);
    const created = await client.mutate<{ createClient: { id: string } }>({
      mutation: contract(clientsContract, 'CreateClient'),
      variables: {
        input: { name: options.clientName, tags: ['browser'], timezone: 'Asia/Kolkata' },
      },
    });
    result.createdId = created.data!.createClient.id;
    step(`created ${options.clientName}`);
    const read = await client.query<{
      client: { name: string; tags: string[]; owner: { account: { email: string } | null } };
    }>({ query: CLIENT_BY_ID, variables: { id: result.createdId }, fetchPolicy: 'network-only' });
    result.readBack = {
      name: read.data.client.name,
      tags: read.data.client.tags,
      ownerEmail: read.data.client.owner.account?.email ?? null,
    };
    step(`read back ${read.data.client.name} (${read.data.client.tags.join(', ')})`);
    const previous = session!.accessToken;
    await refresh();
    if (!session || session.accessToken === previous) throw new Error('refresh failed');
    step('refreshed the session');
    const after = await client.query<Book>({
      query: book,
      variables: { first: 10 },
      fetchPolicy: 'network-only',
    });
    result.clientCountAfter = after.data.me.profile.clientCount;
    step(`client book: ${result.clientCountAfter} clients`);
  } catch (err) {
    const error = err as {
      message: string;
      networkError?: unknown;
      graphQLErrors?: { extensions?: { code?: unknown } }[];
    };
    result.error = {
      message: error.message,
      network: !!error.networkError,
      codes: (error.graphQLErrors ?? []).map((e) => e.extensions?.code),
    };
    step(`failed: ${error.message}`);
  }
  return result;
}

declare global {
  interface Window {
    grahvaniApp: { run: typeof run };
  }
}
window.grahvaniApp = { run };
