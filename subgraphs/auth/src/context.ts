import type { Identity, Logger, Viewer } from '@grahvani/shared';
import type { AuthConfig, ThrottleConfig } from './config.ts';
import type { Db } from './db.ts';
import type { Loaders } from './loaders.ts';
import type { FlowServices } from './mailFlows.ts';
import type { AuthRateLimits } from './rateLimits.ts';
import type { TokenService } from './tokens.ts';

/** Per-request context of the auth subgraph: verified caller plus fresh loaders. */
export interface Context {
  identity: Identity | null;
  /**
   * The account this request has just proved to be (a sign-in mutation, or an email
   * verification link): its own fields are readable in the answer although the request
   * carried no token for it. Read only by the access policy (accessPolicy.ts).
   */
  signedIn: Viewer | null;
  db: Db;
  loaders: Loaders;
  tokens: TokenService;
  logger: Logger;
  config: AuthConfig['tokens'];
  throttle: ThrottleConfig;
  /** Client address and agent, for sessions and login attempts. */
  ip: string | null;
  userAgent: string | null;
  /** The request's x-request-id (the gateway assigns one), for the audit trail. */
  requestId: string | null;
  /** Mailer, mailed-link settings and OpenID Connect verifier of the account flows. */
  flows: FlowServices;
  /** Limits per address and per session, shared by the replicas (app_auth.rate_limits). */
  rateLimits: AuthRateLimits;
}
