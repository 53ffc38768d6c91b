import type { Logger } from '@grahvani/shared';
import type { FlowsConfig } from './flowsConfig.ts';
import { createMailer, type Mailer } from './mail.ts';
import { createOidcVerifier, type OidcVerifier } from './oidc.ts';

/** What the mailed-token and OpenID Connect flows need in the request context. */
export interface FlowServices {
  config: FlowsConfig;
  mailer: Mailer;
  oidc: OidcVerifier;
}

/** Built once per process from the flows' configuration. */
export function createFlowServices(config: FlowsConfig, logger: Logger): FlowServices {
  return {
    config,
    mailer: createMailer(config.mail, logger),
    oidc: createOidcVerifier(config.oidcProviders),
  };
}
