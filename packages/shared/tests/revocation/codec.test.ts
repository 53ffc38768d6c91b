// The wire formats of the revocation transports: NOTIFY payloads and server-sent events.
import { describe, expect, it } from 'vitest';
import {
  decodeChannelMessage,
  decodeRevocation,
  decodeStreamEvent,
  encodeAccountEvent,
  encodeRevocation,
  streamMessages,
} from '../../src/revocation/codec.ts';

const revocation = { sessionId: 'c0ffee00-0000-4000-8000-000000000000', expiresAt: 1_700_000 };

describe('revocation codec', () => {
  it('round-trips revocations and account events on the channel', () => {
    expect(decodeChannelMessage(encodeRevocation(revocation))).toEqual({ revocation });
    const account = { userId: 'u1', deleted: false };
    expect(decodeChannelMessage(encodeAccountEvent(account))).toEqual({ account });
  });

  it('refuses anything else', () => {
    for (const payload of ['', 'x', 'x y', 'x 1 2', 'account u1', 'account u1 gone', 'account']) {
      expect(decodeChannelMessage(payload)).toBeNull();
    }
    expect(decodeRevocation(encodeAccountEvent({ userId: 'u1', deleted: true }))).toBeNull();
  });

  it('round-trips the stream’s messages', () => {
    const trim = (message: string) => message.replace(/\n\n$/, '');
    expect(decodeStreamEvent(trim(streamMessages.revocation(revocation)))).toEqual({ revocation });
    expect(decodeStreamEvent(trim(streamMessages.ready))).toBe('ready');
    expect(decodeStreamEvent(trim(streamMessages.heartbeat))).toBeNull();
  });
});
