import type { MailMessage } from './mail.ts';

/** The frontend page that consumes a token: `<appUrl>/<page>?token=<token>`. */
export function tokenLink(appUrl: string, page: string, token: string): string {
  const url = new URL(page, `${appUrl}/`);
  url.searchParams.set('token', token);
  return url.toString();
}

const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function message(to: string, subject: string, lines: string[], link: string): MailMessage {
  const text = `${lines.join('\n\n')}\n\n${link}\n\nIf you did not expect this message, ignore it.\n`;
  const html =
    lines.map((line) => `<p>${escapeHtml(line)}</p>`).join('') +
    `<p><a href="${escapeHtml(link)}">${escapeHtml(subject)}</a></p>` +
    '<p>If you did not expect this message, ignore it.</p>';
  return { to, subject, text, html };
}

export const passwordResetMail = (appUrl: string, to: string, token: string) =>
  message(
    to,
    'Reset your Grahvani password',
    [
      'Someone asked to reset the password of your Grahvani account.',
      'This link works once, for one hour:',
    ],
    tokenLink(appUrl, 'reset-password', token),
  );

export const verificationMail = (appUrl: string, to: string, token: string) =>
  message(
    to,
    'Confirm your email address',
    [
      'Please confirm that this address belongs to your Grahvani account.',
      'This link works once, for 24 hours:',
    ],
    tokenLink(appUrl, 'verify-email', token),
  );

export const invitationMail = (appUrl: string, to: string, token: string, role: string) =>
  message(
    to,
    'You are invited to Grahvani',
    [`You have been invited to join Grahvani (role ${role}).`, 'This link works once, for 7 days:'],
    tokenLink(appUrl, 'accept-invitation', token),
  );

export const magicLinkMail = (appUrl: string, to: string, token: string) =>
  message(
    to,
    'Your Grahvani sign-in link',
    ['Use this link to sign in to Grahvani.', 'It works once, for 15 minutes:'],
    tokenLink(appUrl, 'magic-link', token),
  );
