// Reads the .eml files the auth service writes in development and tests (MAIL_DIR), so tests
// can follow a mailed link the way a user would.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

export interface ReceivedMail {
  to: string;
  subject: string;
  /** Decoded body (all parts). */
  body: string;
  /** The `?token=` of the first link in the message. */
  token: string;
  /** The first link carrying a token. */
  link: string;
}

export interface WaitForMailOptions {
  /** Only messages whose subject matches. */
  subject?: RegExp;
  /** Wait until at least this many matching messages arrived (default 1). */
  count?: number;
  timeoutMs?: number;
}

// Quoted-printable: soft line breaks and =XX escapes.
const decodeQuotedPrintable = (text: string) =>
  text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function parse(raw: string): ReceivedMail | null {
  const headerEnd = raw.indexOf('\n\n');
  const headers = raw.slice(0, headerEnd);
  const header = (name: string) =>
    new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1]?.trim() ?? '';
  // Development mail is written 8bit; only quoted-printable mail (SMTP) has escapes to undo
  // (undoing them in 8bit text would turn a token starting `=4F...` into `O...`).
  const rawBody = raw.slice(headerEnd + 2);
  const body = /^Content-Transfer-Encoding: quoted-printable/im.test(raw)
    ? decodeQuotedPrintable(rawBody)
    : rawBody;
  const link = /(https?:\/\/[^\s"<>]+\?token=([A-Za-z0-9_-]+))/.exec(body);
  if (!link?.[1] || !link[2]) return null;
  return { to: header('To'), subject: header('Subject'), body, link: link[1], token: link[2] };
}

/** Every message to `to` in `dir`, oldest first. */
export async function mailsTo(
  dir: string,
  to: string,
  subject: RegExp = /./,
): Promise<ReceivedMail[]> {
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((f) => f.endsWith('.eml'))
    .sort((a, b) => Number(a.split('-')[0]) - Number(b.split('-')[0]));
  const mails: ReceivedMail[] = [];
  for (const file of files) {
    const mail = parse(await readFile(path.join(dir, file), 'utf8'));
    if (mail && mail.to.toLowerCase() === to.toLowerCase() && subject.test(mail.subject)) {
      mails.push(mail);
    }
  }
  return mails;
}

/**
 * Waits (mail is sent after the response) until `count` messages to `to` whose subject
 * matches have arrived, and returns the newest.
 */
export async function waitForMail(
  dir: string,
  to: string,
  { subject = /./, count = 1, timeoutMs = 5_000 }: WaitForMailOptions = {},
): Promise<ReceivedMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mails = await mailsTo(dir, to, subject);
    const newest = mails.at(-1);
    if (mails.length >= count && newest) return newest;
    if (Date.now() > deadline)
      throw new Error(`no mail ${subject} to ${to} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
