import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  ConfigError,
  appUrl,
  nodeEnv,
  optionalStr,
  str,
  type Env,
  type NodeEnv,
} from '@grahvani/shared';
import { OAuthProvider } from './generated/prisma/enums.ts';

/** Where and how ID tokens of one OpenID Connect provider are checked. */
export interface OidcProviderConfig {
  /** Exact `iss` of its ID tokens (several for providers with aliases, e.g. Google). */
  issuer: string[];
  /** Our client id(s) at the provider: the ID token's `aud` must contain one. */
  audience: string[];
  /** The provider's public keys. */
  jwksUrl: string;
}

/**
 * Configuration of the account flows (mail, one-time links, OpenID Connect providers),
 * read once with the rest of the auth configuration.
 */
export interface FlowsConfig {
  /** The frontend's origin: every mailed link is `<appUrl>/<path>?token=...` (APP_URL). */
  appUrl: string;
  mail: {
    /** Sender address (MAIL_FROM). */
    from: string;
    /** SMTP connection URL (SMTP_URL); when set, mail is sent, not written to files. */
    smtpUrl?: string;
    /** Where messages are written as .eml files (MAIL_DIR, default <DATA_DIR>/mail; tests: tmp). */
    dir: string;
  };
  /** Configured sign-in providers (OIDC_PROVIDERS, GOOGLE_CLIENT_ID). */
  oidcProviders: Partial<Record<OAuthProvider, OidcProviderConfig>>;
}

/** Google's published issuer and keys: only the client id needs configuring. */
const GOOGLE_PRESET = {
  issuer: ['https://accounts.google.com', 'accounts.google.com'],
  jwksUrl: 'https://www.googleapis.com/oauth2/v3/certs',
};

/** Reads the flows' settings; refuses production without a way to deliver mail. */
export function loadFlowsConfig(env: Env): FlowsConfig {
  const mode = nodeEnv(env);
  const smtpUrl = optionalStr(env, 'SMTP_URL');
  const explicitDir = optionalStr(env, 'MAIL_DIR');
  if (mode === 'production' && !smtpUrl && !explicitDir) {
    throw new ConfigError('SMTP_URL is required in production (or MAIL_DIR to keep mail as files)');
  }
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) {
    throw new ConfigError('SMTP_URL must be an smtp:// or smtps:// URL');
  }
  return {
    appUrl: appUrl(env, mode),
    mail: {
      from: str(env, 'MAIL_FROM', 'Grahvani <no-reply@grahvani.dev>'),
      smtpUrl,
      dir: path.resolve(explicitDir ?? defaultMailDir(env, mode)),
    },
    oidcProviders: oidcProvidersFrom(env),
  };
}

// Tests that do not read mail should not litter the working tree with it.
const defaultMailDir = (env: Env, mode: NodeEnv) =>
  mode === 'test'
    ? path.join(tmpdir(), 'grahvani-test-mail')
    : path.join(str(env, 'DATA_DIR', '.data'), 'mail');

function oidcProvidersFrom(env: Env): FlowsConfig['oidcProviders'] {
  const providers: FlowsConfig['oidcProviders'] = {};
  const googleClientId = optionalStr(env, 'GOOGLE_CLIENT_ID');
  if (googleClientId) providers.GOOGLE = { ...GOOGLE_PRESET, audience: [googleClientId] };
  const raw = optionalStr(env, 'OIDC_PROVIDERS');
  if (!raw) return providers;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError('OIDC_PROVIDERS must be a JSON object');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ConfigError('OIDC_PROVIDERS must be a JSON object keyed by provider');
  }
  for (const [name, value] of Object.entries(parsed)) {
    if (!(name in OAuthProvider)) {
      throw new ConfigError(
        `OIDC_PROVIDERS: unknown provider ${name} (one of ${Object.keys(OAuthProvider).join(', ')})`,
      );
    }
    providers[name as OAuthProvider] = providerFrom(name, value);
  }
  return providers;
}

function providerFrom(name: string, value: unknown): OidcProviderConfig {
  const entry = (typeof value === 'object' && value !== null ? value : {}) as Record<
    string,
    unknown
  >;
  const preset = name === 'GOOGLE' ? GOOGLE_PRESET : undefined;
  const list = (field: string, fallback?: string[]): string[] => {
    const raw = entry[field] ?? fallback;
    const items = Array.isArray(raw) ? raw : [raw];
    if (items.length === 0 || items.some((item) => typeof item !== 'string' || item === '')) {
      throw new ConfigError(`OIDC_PROVIDERS.${name}.${field} must be a string or string array`);
    }
    return items as string[];
  };
  const jwksUrl = entry.jwksUrl ?? preset?.jwksUrl;
  if (typeof jwksUrl !== 'string' || !/^https?:\/\//.test(jwksUrl)) {
    throw new ConfigError(`OIDC_PROVIDERS.${name}.jwksUrl must be an http(s) URL`);
  }
  return { issuer: list('issuer', preset?.issuer), audience: list('audience'), jwksUrl };
}
