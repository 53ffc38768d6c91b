// @grahvani/testkit: integration tests against the whole Grahvani graph.
//
//   const graph = await startGraph();
//   const astrologer = await graph.signInAs('USER');
//   const { data } = await graph.graphql(operations.MyClientBookDocument, {}, { token: astrologer.token });
//   await graph.stop();
export { startGraph, type Graph, type GraphOptions } from './graph.ts';
export type {
  Account,
  AccountGraph,
  Astrologer,
  CreatedClient,
  Role,
  SignUpInput,
} from './accounts.ts';
export {
  createGraphQLClient,
  dataOf,
  errorCodes,
  typedRequest,
  type Document,
  type GraphQLClient,
  type GraphQLRequest,
  type GraphQLResponse,
  type GraphQLResponseError,
  type RequestOptions,
  type TypedDocumentNode,
} from './client.ts';
export type { GraphHelpers } from './helpers.ts';
export { mailsTo, waitForMail, type ReceivedMail, type WaitForMailOptions } from './mailbox.ts';
/** The contract's operations (contract/*.graphql) as typed documents for `graphql()`. */
export * as operations from '@grahvani/operations';
