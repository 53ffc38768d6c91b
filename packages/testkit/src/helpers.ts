// The helpers every started graph offers, bound to its gateway and its mailbox.
import {
  astrologerWithClients,
  signInAs,
  signUp,
  type Account,
  type AccountGraph,
  type Astrologer,
  type Role,
  type SignUpInput,
} from './accounts.ts';
import { typedRequest, type GraphQLRequest } from './client.ts';
import { waitForMail, type ReceivedMail, type WaitForMailOptions } from './mailbox.ts';

export interface GraphHelpers extends AccountGraph {
  /** `graphql(document, variables, { token })`: typed data for a TypedDocumentNode. */
  graphql: GraphQLRequest;
  /** Where the auth service writes its mail (.eml files). */
  mailDir: string;
  /** Registers a fresh account (unique email unless given), signed in. */
  signUp(input?: SignUpInput): Promise<Account>;
  /** A fresh ACTIVE account with `role`, signed in. */
  signInAs(role: Role): Promise<Account>;
  /** A signed-in astrologer whose client book holds `count` new clients. */
  astrologerWithClients(count: number): Promise<Astrologer>;
  /**
   * The newest message to `email` (waiting up to 5 s for one, since mail is sent after the
   * response), with the token of its link.
   */
  lastMailTo(email: string, options?: WaitForMailOptions): Promise<ReceivedMail>;
}

export function graphHelpers(graph: AccountGraph, mailDir: string): GraphHelpers {
  return {
    gql: graph.gql,
    grantRole: graph.grantRole,
    graphql: typedRequest(graph),
    mailDir,
    signUp: (input) => signUp(graph, input),
    signInAs: (role) => signInAs(graph, role),
    astrologerWithClients: (count) => astrologerWithClients(graph, count),
    lastMailTo: (email, options) => waitForMail(mailDir, email, options),
  };
}
