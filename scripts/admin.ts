// `npm run admin -- create-admin --email <email> [--name <name>]`: bootstraps an ADMIN (the
// first one in production). The password comes from ADMIN_PASSWORD or a prompt (stdin when
// piped); an existing account with that email is promoted to an active ADMIN instead. In
// development it uses the embedded database of a running `npm start`, or starts it for the
// occasion. Bad arguments print the usage and exit 2.
import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { GraphQLError } from 'graphql';
import { ConfigError } from '@grahvani/shared';
import { changedFields, cliOrigin, recordAudit } from '../subgraphs/auth/src/audit/record.ts';
import { createDb } from '../subgraphs/auth/src/db.ts';
import { hashPassword, validatePassword } from '../subgraphs/auth/src/passwords.ts';
import { normalizeEmail, normalizeName } from '../subgraphs/auth/src/validation.ts';
import { loadAdminScriptConfig, loadStackConfig } from './lib/config.ts';
import { prepareDatabase, resolveServiceUrls } from './lib/database.ts';
import { embeddedOptions } from './lib/embedded.ts';

const USAGE = 'usage: npm run admin -- create-admin --email <email> [--name <name>]';

/** The command line, or undefined when it is not `create-admin --email <email> [--name <name>]`. */
function parseCommand(): { email: string; name: string | undefined; help: boolean } | undefined {
  try {
    const { positionals, values } = parseArgs({
      allowPositionals: true,
      options: {
        email: { type: 'string' },
        name: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help) return { email: '', name: undefined, help: true };
    if (positionals.length !== 1 || positionals[0] !== 'create-admin' || !values.email) {
      return undefined;
    }
    return { email: values.email, name: values.name, help: false };
  } catch {
    // parseArgs's own errors (unknown option, missing value): the usage says it better.
    return undefined;
  }
}

/** Reads a line without echoing it on a terminal; reads stdin plainly when piped. */
async function promptPassword(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const lines = createInterface({ input: stdin })[Symbol.asyncIterator]();
    const line = await lines.next();
    return typeof line.value === 'string' ? line.value : '';
  }
  process.stdout.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  return new Promise((resolve) => {
    let value = '';
    const onData = (chunk: string) => {
      for (const char of chunk) {
        if (char === '\u0003') process.exit(130);
        if (char === '\r' || char === '\n') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stdout.write('\n');
          resolve(value);
          return;
        }
        value = char === '\u007f' ? value.slice(0, -1) : value + char;
      }
    };
    stdin.on('data', onData);
  });
}

async function readPassword(): Promise<string> {
  const fromEnv = loadAdminScriptConfig().password;
  if (fromEnv) return fromEnv;
  const password = await promptPassword('Password for the new admin: ');
  if (process.stdin.isTTY && (await promptPassword('Repeat the password: ')) !== password) {
    throw new ConfigError('the passwords differ');
  }
  return password;
}

/** The OS user running the CLI, for the audit trail ("unknown" without a passwd entry). */
function osUser(): string {
  try {
    return userInfo().username || 'unknown';
  } catch {
    return 'unknown';
  }
}

async function createAdmin(authUrl: string, email: string, name: string | null) {
  const db = createDb(authUrl, { max: 1 });
  const origin = cliOrigin(osUser());
  try {
    const existing = await db.authUser.findUnique({ where: { email } });
    if (existing) {
      await db.$transaction(async (tx) => {
        const promoted = await tx.authUser.update({
          where: { id: existing.id },
          data: { role: 'ADMIN', status: 'ACTIVE' },
        });
        const change = changedFields(existing, promoted, ['role', 'status']);
        if (change) {
          await recordAudit(tx, origin, {
            action: 'ADMIN_PROMOTED',
            targetId: existing.id,
            ...change,
          });
        }
      });
      return `promoted ${email} (${existing.id}) to ADMIN`;
    }
    const password = await readPassword();
    validatePassword(password);
    const now = new Date();
    const passwordHash = await hashPassword(password);
    const user = await db.$transaction(async (tx) => {
      const created = await tx.authUser.create({
        data: {
          email,
          name,
          passwordHash,
          role: 'ADMIN',
          status: 'ACTIVE',
          emailVerified: true,
          emailVerifiedAt: now,
        },
      });
      await recordAudit(tx, origin, {
        action: 'ADMIN_CREATED',
        targetId: created.id,
        after: { email, role: created.role, status: created.status },
      });
      return created;
    });
    return `created ADMIN ${email} (${user.id})`;
  } finally {
    await db.$disconnect();
  }
}

const command = parseCommand();
if (!command || command.help) {
  (command ? console.log : console.error)(USAGE);
  process.exit(command ? 0 : 2);
}

try {
  const email = normalizeEmail(command.email);
  const name = normalizeName(command.name ?? 'Administrator');
  const config = loadStackConfig();
  // Development without any database configured: the embedded one `npm start` uses (the
  // running server when `npm start` holds it, else started here for the occasion).
  const embedded =
    config.databaseUrl || config.serviceUrls.auth || config.env === 'production'
      ? undefined
      : // Loaded only here: production installs carry no @grahvani/devtools.
        await (
          await import('@grahvani/devtools/embedded')
        ).openEmbeddedDatabase(embeddedOptions(config));
  try {
    let authUrl = config.serviceUrls.auth;
    if (!authUrl) {
      const ownerUrl = config.databaseUrl ?? embedded?.url;
      if (!ownerUrl) throw new ConfigError('AUTH_DATABASE_URL (or DATABASE_URL) is required');
      const urls = resolveServiceUrls(ownerUrl, config.serviceUrls, config.env);
      if (embedded) await prepareDatabase(ownerUrl, urls);
      authUrl = urls.auth;
    }
    console.log(await createAdmin(authUrl, email, name));
  } finally {
    await embedded?.stop();
  }
} catch (err) {
  const known = err instanceof ConfigError || err instanceof GraphQLError;
  console.error(`admin failed: ${known ? err.message : err instanceof Error ? err.stack : err}`);
  process.exit(1);
}
