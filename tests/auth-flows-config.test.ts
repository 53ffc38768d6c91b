// The flows' configuration (APP_URL, mail, OIDC providers) and the links it produces.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '@grahvani/shared';
import { loadAdminScriptConfig } from '../scripts/lib/config.ts';
import { loadFlowsConfig } from '../subgraphs/auth/src/flowsConfig.ts';
import { tokenLink } from '../subgraphs/auth/src/mailMessages.ts';

describe('loadFlowsConfig', () => {
  it('has development defaults: localhost app, mail under DATA_DIR, no providers', () => {
    const config = loadFlowsConfig({ NODE_ENV: 'development', DATA_DIR: '/tmp/grahvani-data' });
    expect(config.appUrl).toBe('http://localhost:3000');
    expect(config.mail.dir).toBe(path.resolve('/tmp/grahvani-data/mail'));
    expect(config.mail.smtpUrl).toBeUndefined();
    expect(config.oidcProviders).toEqual({});
  });

  it('presets Google from GOOGLE_CLIENT_ID', () => {
    const config = loadFlowsConfig({ NODE_ENV: 'test', GOOGLE_CLIENT_ID: 'abc.apps' });
    expect(config.oidcProviders.GOOGLE).toEqual({
      issuer: ['https://accounts.google.com', 'accounts.google.com'],
      audience: ['abc.apps'],
      jwksUrl: 'https://www.googleapis.com/oauth2/v3/certs',
    });
  });

  it('reads any OIDC provider from OIDC_PROVIDERS', () => {
    const config = loadFlowsConfig({
      NODE_ENV: 'test',
      OIDC_PROVIDERS: JSON.stringify({
        OIDC: {
          issuer: 'https://id.example',
          audience: ['a', 'b'],
          jwksUrl: 'https://id.example/k',
        },
        GOOGLE: { audience: 'g' },
      }),
    });
    expect(config.oidcProviders.OIDC).toEqual({
      issuer: ['https://id.example'],
      audience: ['a', 'b'],
      jwksUrl: 'https://id.example/k',
    });
    expect(config.oidcProviders.GOOGLE?.jwksUrl).toBe('https://www.googleapis.com/oauth2/v3/certs');
  });

  it.each([
    ['not json', '{'],
    ['an array', '[]'],
    ['an unknown provider', '{"OKTA": {"issuer": "i", "audience": "a", "jwksUrl": "https://x"}}'],
    ['a missing audience', '{"OIDC": {"issuer": "i", "jwksUrl": "https://x"}}'],
    ['a bad JWKS URL', '{"OIDC": {"issuer": "i", "audience": "a", "jwksUrl": "file:///x"}}'],
  ])('refuses OIDC_PROVIDERS with %s', (_case, value) => {
    expect(() => loadFlowsConfig({ NODE_ENV: 'test', OIDC_PROVIDERS: value })).toThrow(ConfigError);
  });

  it('needs SMTP_URL (or an explicit MAIL_DIR) and APP_URL in production', () => {
    const production = { NODE_ENV: 'production', APP_URL: 'https://app.grahvani.dev' };
    expect(() => loadFlowsConfig(production)).toThrow(ConfigError);
    expect(() =>
      loadFlowsConfig({ NODE_ENV: 'production', SMTP_URL: 'smtps://u:p@mail.example:465' }),
    ).toThrow(ConfigError);
    const config = loadFlowsConfig({ ...production, SMTP_URL: 'smtps://u:p@mail.example:465' });
    expect(config.mail.smtpUrl).toBe('smtps://u:p@mail.example:465');
    expect(() => loadFlowsConfig({ ...production, SMTP_URL: 'http://mail' })).toThrow(ConfigError);
    expect(() => loadFlowsConfig({ NODE_ENV: 'test', APP_URL: 'ftp://x' })).toThrow(ConfigError);
  });

  it('reads the admin CLI password from ADMIN_PASSWORD', () => {
    expect(loadAdminScriptConfig({ ADMIN_PASSWORD: 'secret' })).toEqual({ password: 'secret' });
    expect(loadAdminScriptConfig({})).toEqual({ password: undefined });
  });
});

describe('tokenLink', () => {
  it('puts ?token= on APP_URL, keeping a path prefix', () => {
    const appUrl = loadFlowsConfig({ NODE_ENV: 'test', APP_URL: 'https://x.example/app/' }).appUrl;
    expect(tokenLink(appUrl, 'verify-email', 'abc-_1')).toBe(
      'https://x.example/app/verify-email?token=abc-_1',
    );
  });
});
