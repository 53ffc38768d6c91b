// Revocation: one RevocationSource interface (revocationSource.ts), its transports behind it
// (listenTransport.ts: PostgreSQL LISTEN plus a snapshot; streamTransport.ts: the auth
// service's event stream), the ordering rules as pure state (syncState.ts), the wire formats
// (codec.ts, httpSnapshot.ts), account deletions handed to the users subgraph in order
// (accountQueue.ts) and the verifier that uses it all (revokingVerifier.ts).
export * from './accountQueue.ts';
export * from './codec.ts';
export * from './httpSnapshot.ts';
export * from './listenTransport.ts';
export * from './revocationSource.ts';
export * from './revokingVerifier.ts';
export * from './streamTransport.ts';
export * from './syncState.ts';
export type * from './transport.ts';
