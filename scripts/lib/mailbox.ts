import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import PostalMime from 'postal-mime';

/** One message of the development mailbox, decoded. */
export interface MailboxEntry {
  /** The .eml file. */
  file: string;
  /** When it was written (ISO 8601). */
  date: string;
  to: string[];
  subject: string;
  /** Every link of the message, decoded, in order, once each. */
  links: string[];
}

const LINK = /https?:\/\/[^\s"'<>]+/g;

/** The newest `limit` messages in `dir` (to `to` when given), newest first. */
export async function readMailbox(
  dir: string,
  { to, limit }: { to?: string; limit: number },
): Promise<MailboxEntry[]> {
  const files = (await readdir(dir).catch(() => [] as string[]))
    .filter((file) => file.endsWith('.eml'))
    // `<epoch ms>-<uuid>.eml`, as the auth service names them.
    .sort((a, b) => Number(b.split('-')[0]) - Number(a.split('-')[0]));
  const wanted = to?.toLowerCase();
  const entries: MailboxEntry[] = [];
  for (const file of files) {
    if (entries.length >= limit) break;
    const email = await PostalMime.parse(await readFile(path.join(dir, file)));
    const recipients = (email.to ?? []).flatMap((address) =>
      address.group ? address.group.map((member) => member.address) : [address.address],
    );
    if (wanted && !recipients.some((address) => address.toLowerCase() === wanted)) continue;
    const links = email.text?.match(LINK) ?? email.html?.match(LINK) ?? [];
    const time = Number(file.split('-')[0]);
    entries.push({
      file: path.join(dir, file),
      date: new Date(Number.isFinite(time) ? time : Date.parse(email.date ?? '')).toISOString(),
      to: recipients,
      subject: email.subject ?? '',
      links: [...new Set(links)],
    });
  }
  return entries;
}
