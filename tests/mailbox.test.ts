// Development mail as a person reads it: links in the .eml files as they stand (grep, paste),
// and `npm run mailbox` listing the latest messages with their decoded links.
import { spawn } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMailer } from '../subgraphs/auth/src/mail.ts';
import { magicLinkMail, passwordResetMail } from '../subgraphs/auth/src/mailMessages.ts';
import { createLogger } from '@grahvani/shared';
import { createMailDir } from './fixtures/mail.ts';

const logger = createLogger('mailbox-test', 'silent');
// Long enough that quoted-printable would fold the link, and tokens that start like its
// `=XX` escapes and hold what it would encode.
const APP_URL = 'https://app.example.test/a/rather/long/path/to/make/the/line/long';
const TOKENS = [
  '3Dab_cdefghijklmnopqrstuvwxyz0123456789-ABCDEFG',
  '4F-99_zyxwvutsrqponmlkjihgfedcba9876543210',
];

function mailbox(dir: string, args: string[]) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/mailbox.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', MAIL_DIR: dir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function mailTwo() {
  const dir = await createMailDir();
  const mailer = createMailer({ from: 'Grahvani <no-reply@example.test>', dir }, logger);
  await mailer.send(magicLinkMail(APP_URL, 'eve@example.com', TOKENS[0]!));
  // Files are ordered by their millisecond prefix.
  await new Promise((resolve) => setTimeout(resolve, 5));
  await mailer.send(passwordResetMail(APP_URL, 'bob@example.com', TOKENS[1]!));
  return dir;
}

const link = (page: string, token: string) => `${APP_URL}/${page}?token=${token}`;

describe('development mail', () => {
  it('holds each link as it stands, on one line, in the .eml file', async () => {
    const dir = await mailTwo();
    const files = await readdir(dir);
    const raw = (await Promise.all(files.map((f) => readFile(path.join(dir, f), 'utf8')))).join('');
    // What `grep token= .data/mail/*.eml` shows: the whole link, no `=3D`, no soft breaks.
    const lines = raw.split('\n').filter((line) => line.includes('token='));
    expect(lines).toContain(link('magic-link', TOKENS[0]!));
    expect(lines).toContain(link('reset-password', TOKENS[1]!));
    expect(raw).not.toMatch(/quoted-printable|=\n/);
  });
});

describe('npm run mailbox', { timeout: 60_000 }, () => {
  it('lists the latest messages, newest first, with recipient, subject and links', async () => {
    const dir = await mailTwo();
    const run = await mailbox(dir, []);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(
      /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d {2}bob@example\.com {2}Reset your Grahvani password$/,
    );
    expect(lines[1]).toBe(`  ${link('reset-password', TOKENS[1]!)}`);
    expect(lines[2]).toMatch(/ {2}eve@example\.com {2}Your Grahvani sign-in link$/);
    expect(lines[3]).toBe(`  ${link('magic-link', TOKENS[0]!)}`);
  });

  it('filters by recipient and prints JSON for scripts', async () => {
    const dir = await mailTwo();
    const run = await mailbox(dir, ['--to', 'EVE@example.com', '--json']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      {
        file: expect.stringMatching(/\.eml$/),
        date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        to: ['eve@example.com'],
        subject: 'Your Grahvani sign-in link',
        links: [link('magic-link', TOKENS[0]!)],
      },
    ]);
    const none = await mailbox(dir, ['--to', 'nobody@example.com', '--json']);
    expect(JSON.parse(none.stdout)).toEqual([]);
  });

  it('answers bad arguments with the usage and exit code 2', async () => {
    const run = await mailbox(await createMailDir(), ['--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^usage: npm run mailbox/);
  });
});
