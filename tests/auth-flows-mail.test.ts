// The mailer: .eml files without SMTP_URL, real SMTP with it (against a minimal local SMTP
// server on 127.0.0.1, port 0, that records what it receives).
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@grahvani/shared';
import { createMailer } from '../subgraphs/auth/src/mail.ts';
import { magicLinkMail } from '../subgraphs/auth/src/mailMessages.ts';
import { createMailDir, mailsTo } from './fixtures/mail.ts';

const logger = createLogger('test', 'silent');
const received: string[] = [];
let smtp: Server;
let smtpUrl: string;

beforeAll(async () => {
  smtp = createServer((socket) => {
    let data: string | null = null;
    socket.write('220 localhost test SMTP\r\n');
    socket.on('data', (chunk: Buffer) => {
      const text = chunk.toString();
      if (data !== null) {
        data += text;
        if (data.endsWith('\r\n.\r\n')) {
          received.push(data);
          data = null;
          socket.write('250 OK queued\r\n');
        }
        return;
      }
      for (const line of text.split('\r\n').filter(Boolean)) {
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === 'EHLO' || verb === 'HELO') socket.write('250 localhost\r\n');
        else if (verb === 'DATA') {
          data = '';
          socket.write('354 go ahead\r\n');
        } else if (verb === 'QUIT') socket.end('221 bye\r\n');
        else socket.write('250 OK\r\n');
      }
    });
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  smtpUrl = `smtp://127.0.0.1:${(smtp.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

describe('createMailer', () => {
  it('writes an .eml file per message without SMTP_URL', async () => {
    const dir = await createMailDir();
    const mailer = createMailer({ from: 'Grahvani <no-reply@example.test>', dir }, logger);
    await mailer.send(magicLinkMail('https://app.example.test', 'eve@example.com', 'tok-1'));
    const [mail] = await mailsTo(dir, 'eve@example.com');
    expect(mail?.token).toBe('tok-1');
    expect(mail?.link).toBe('https://app.example.test/magic-link?token=tok-1');
  });

  it('sends over SMTP when SMTP_URL is set, and writes no file', async () => {
    const dir = await createMailDir();
    const mailer = createMailer({ from: 'no-reply@example.test', smtpUrl, dir }, logger);
    await mailer.send(magicLinkMail('https://app.example.test', 'mallory@example.com', 'tok-2'));
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^To: mallory@example.com/m);
    expect(received[0]?.replace(/=\r?\n/g, '')).toContain('magic-link?token=3Dtok-2');
    expect(await mailsTo(dir, 'mallory@example.com')).toEqual([]);
  });
});
