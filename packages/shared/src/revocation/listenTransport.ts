import pg from 'pg';
import { REVOCATION_CHANNEL, decodeChannelMessage } from './codec.ts';
import type { Transport, TransportEvents } from './transport.ts';

/**
 * LISTENs on REVOCATION_CHANNEL over a direct PostgreSQL connection (LISTEN does not work
 * through PgBouncer's transaction mode). NOTIFYs sent while it is not connected are lost, so
 * its source loads a snapshot after each connection. One connection attempt at a time: a
 * failed or lost connection schedules exactly one retry.
 */
export function listenTransport(url: string, applicationName: string): Transport {
  let current: pg.Client | undefined;
  let events: TransportEvents;

  const connect = async (): Promise<void> => {
    if (events.isClosed()) return;
    const client = new pg.Client({
      connectionString: url,
      application_name: applicationName,
      keepAlive: true,
    });
    let lost = false;
    const fail = (err?: Error) => {
      if (lost || events.isClosed()) return;
      lost = true;
      current = undefined;
      // 57P01 (admin_shutdown): the server is stopping in order, as on Ctrl-C under npm start,
      // where the terminal signals PostgreSQL and the services at once. Retried all the same.
      const shutdown = (err as { code?: unknown } | undefined)?.code === '57P01';
      events.lost(err ?? 'closed', shutdown);
      client.end().catch(() => {});
      events.retry(() => void connect());
    };
    client.on('error', fail);
    client.on('end', () => fail());
    client.on('notification', (message) => {
      if (message.channel !== REVOCATION_CHANNEL || !message.payload) return;
      const decoded = decodeChannelMessage(message.payload);
      if (decoded && 'revocation' in decoded) events.revoked(decoded.revocation);
      else if (decoded) events.account(decoded.account);
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
      if (lost) return;
      current = client;
      // Only now: a snapshot taken from here on misses nothing announced later.
      events.connected();
    } catch (err) {
      fail(err as Error);
    }
  };

  return {
    name: 'LISTEN connection',
    resendsAll: false,
    async start(feedEvents) {
      events = feedEvents;
      await connect();
    },
    async close() {
      await current?.end().catch(() => {});
    },
  };
}
