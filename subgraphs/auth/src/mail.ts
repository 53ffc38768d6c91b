import { randomUUID } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer/index.js';
import type { Logger } from '@grahvani/shared';
import type { FlowsConfig } from './flowsConfig.ts';

/** One outgoing message; `text` carries the link, `html` the same as a button. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
}

export interface Mailer {
  /** Delivers a message: over SMTP when configured, else as an .eml file in the mail dir. */
  send(message: MailMessage): Promise<void>;
}

/**
 * Creates the auth service's mailer. With SMTP_URL it sends real mail; without (development,
 * tests) every message is written to `<mail dir>/<time>-<uuid>.eml`, to be opened in any mail
 * client, listed by `npm run mailbox` or read by tests.
 */
export function createMailer(config: FlowsConfig['mail'], logger: Logger): Mailer {
  if (config.smtpUrl) {
    const transport = nodemailer.createTransport(config.smtpUrl);
    return {
      async send(message) {
        await transport.sendMail({ from: config.from, ...message });
        logger.info({ subject: message.subject }, 'mail sent');
      },
    };
  }
  const transport = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  });
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: config.from,
        ...message,
        text: readablePart('text/plain', message.text),
        html: readablePart('text/html', message.html),
      });
      await mkdir(config.dir, { recursive: true });
      const file = path.join(config.dir, `${Date.now()}-${randomUUID()}.eml`);
      await writeFile(file, info.message);
      logger.info({ file, subject: message.subject }, 'mail written');
    },
  };
}

/**
 * A body part written as it stands (8bit UTF-8), through nodemailer's `raw` part option.
 * Development mail is read by people (`grep token= .data/mail/*.eml`, `npm run mailbox`), and
 * nodemailer would otherwise pick quoted-printable for any line past 76 characters: its `=3D`
 * escapes and soft line breaks make mailed links fail when pasted. Only files get this: over
 * SMTP, quoted-printable keeps lines within what every server accepts.
 */
const readablePart = (contentType: string, content: string): Mail.Attachment => ({
  raw: `Content-Type: ${contentType}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${content}`,
});

/**
 * Runs a flow's mailing step after the response: the answer must not depend on (or reveal by
 * its timing) whether a message was sent. Failures are logged, never thrown.
 */
export function runInBackground(logger: Logger, task: () => Promise<void>): void {
  task().catch((err: unknown) => logger.error({ err }, 'background mail task failed'));
}
