import { decodeStreamEvent } from './codec.ts';
import type { Transport, TransportEvents } from './transport.ts';

// The server sends a comment every 15 s; silence for longer means a dead connection.
const STREAM_IDLE_MS = 45_000;

/**
 * Follows the auth service's server-sent events (`GET /revocations/stream`): every current
 * revocation, `ready`, then each new one. It resends everything on each connection, so its
 * source needs no snapshot. Reconnects whenever the stream ends.
 */
export function streamTransport(url: string, headers: Record<string, string> = {}): Transport {
  let controller: AbortController | undefined;
  let events: TransportEvents;

  const follow = async (): Promise<void> => {
    if (events.isClosed()) return;
    const abort = new AbortController();
    controller = abort;
    let idle: NodeJS.Timeout | undefined;
    const touch = () => {
      clearTimeout(idle);
      idle = setTimeout(() => abort.abort(), STREAM_IDLE_MS);
    };
    try {
      touch();
      const res = await fetch(url, {
        headers: { ...headers, accept: 'text/event-stream' },
        signal: abort.signal,
      });
      if (!res.ok || !res.body) throw new Error(`revocation stream answered ${res.status}`);
      events.connected();
      const reader = res.body.getReader();
      const decoder = new TextDecoder();
      let buffer = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        touch();
        buffer += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const event = decodeStreamEvent(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
          if (event === 'ready') events.complete();
          else if (event) events.revoked(event.revocation);
        }
      }
      // The server ended it in order (a restart): reconnect without a warning.
      if (!events.isClosed()) events.lost('stream ended', true);
    } catch (err) {
      if (!events.isClosed()) events.lost(err);
    } finally {
      clearTimeout(idle);
    }
    events.retry(() => void follow());
  };

  return {
    name: 'stream',
    resendsAll: true,
    start(feedEvents) {
      events = feedEvents;
      // The first attempt runs in the background: the source waits for `complete()` instead.
      void follow();
      return Promise.resolve();
    },
    close() {
      controller?.abort();
      return Promise.resolve();
    },
  };
}
