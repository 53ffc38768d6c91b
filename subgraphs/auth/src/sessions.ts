import { UAParser } from 'ua-parser-js';
import type { Db } from './db.ts';
import type { AuthUser } from './generated/prisma/client.ts';
import type { Context } from './context.ts';
import { hashToken, newOpaqueToken } from './tokens.ts';

const DAY_MS = 86_400_000;

/**
 * Device class from a User-Agent header, for the sessions list: ua-parser-js's device type
 * (mobile, tablet, smarttv, console, wearable, xr, embedded); a recognised browser or OS with
 * no device type is a desktop; anything else (scripts, bots) is `other`.
 */
export function deviceTypeOf(userAgent: string | null): string {
  if (!userAgent) return 'unknown';
  const { device, browser, os } = UAParser(userAgent);
  if (device.type) return device.type;
  return browser.name || os.name ? 'desktop' : 'other';
}

/** Opens a session for `user` and returns the token pair (the auth payload). */
export async function signIn(
  db: Db,
  ctx: Pick<Context, 'tokens' | 'ip' | 'userAgent' | 'signedIn'>,
  user: AuthUser,
  sessionTtlDays: number,
) {
  const refreshToken = newOpaqueToken();
  const session = await db.authSession.create({
    data: {
      userId: user.id,
      refreshTokenHash: hashToken(refreshToken),
      ipAddress: ctx.ip?.slice(0, 64) ?? null,
      userAgent: ctx.userAgent,
      deviceType: deviceTypeOf(ctx.userAgent),
      expiresAt: new Date(Date.now() + sessionTtlDays * DAY_MS),
    },
  });
  // From here on this request is that account: the payload may show it its own fields.
  ctx.signedIn = { userId: user.id, role: user.role };
  const access = await ctx.tokens.signAccessToken({
    userId: user.id,
    sessionId: session.id,
    role: user.role,
    email: user.email,
    name: user.name,
  });
  return {
    accessToken: access.token,
    accessTokenExpiresAt: access.expiresAt,
    refreshToken,
    user,
  };
}
