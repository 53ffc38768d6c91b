// `npm run mailbox [-- --to <email>] [--limit <n>] [--json]`: the latest development mail (the
// .eml files the auth service writes without SMTP_URL), newest first, with recipient, subject
// and the links decoded, ready to paste. `--json` prints the same for scripts.
import { parseArgs } from 'node:util';
import { loadMailDir } from './lib/config.ts';
import { readMailbox } from './lib/mailbox.ts';

const USAGE = 'usage: npm run mailbox -- [--to <email>] [--limit <n>] [--json]';

function parseCommand() {
  try {
    const { values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        to: { type: 'string' },
        limit: { type: 'string', default: '10' },
        json: { type: 'boolean', default: false },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
    const limit = Number(values.limit);
    if (positionals.length || !Number.isInteger(limit) || limit < 1) return undefined;
    return { ...values, limit };
  } catch {
    // parseArgs's own errors (unknown option, missing value): the usage says it better.
    return undefined;
  }
}

const command = parseCommand();
if (!command || command.help) {
  (command ? console.log : console.error)(USAGE);
  process.exit(command ? 0 : 2);
}
const dir = loadMailDir();
const entries = await readMailbox(dir, { to: command.to, limit: command.limit });
if (command.json) {
  console.log(JSON.stringify(entries, null, 2));
} else if (!entries.length) {
  console.log(`no mail${command.to ? ` to ${command.to}` : ''} in ${dir}`);
} else {
  for (const { date, to, subject, links } of entries) {
    console.log(`${date.replace('T', ' ').slice(0, 19)}  ${to.join(', ')}  ${subject}`);
    for (const link of links) console.log(`  ${link}`);
  }
}
