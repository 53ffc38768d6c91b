// The one cursor format of every connection: opaque, round-trips a row position, and refuses
// (BAD_USER_INPUT on `after`) anything it did not write, before it can reach SQL.
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from '../../src/paging/cursor.ts';
import { errorOf } from './errorOf.ts';

const ID = '6f1c2b9e-1d3a-4c5b-9e8f-0a1b2c3d4e5f';
const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('cursors', () => {
  it('round-trip a row position', () => {
    const position = { createdAt: new Date('2026-01-02T03:04:05.678Z'), id: ID };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
  });

  it('keep the format clients already hold (base64url of [ISO instant, id])', () => {
    const issued =
      'WyIyMDI2LTAxLTAyVDAzOjA0OjA1LjY3OFoiLCI2ZjFjMmI5ZS0xZDNhLTRjNWItOWU4Zi0wYTFiMmMzZDRlNWYiXQ';
    expect(decodeCursor(issued)).toEqual({
      createdAt: new Date('2026-01-02T03:04:05.678Z'),
      id: ID,
    });
    expect(encodeCursor(decodeCursor(issued))).toBe(issued);
  });

  it.each([
    ['empty', ''],
    ['not base64 JSON', 'not-base64!'],
    ['one element', encode(['2026-01-01T00:00:00.000Z'])],
    ['an id that is no UUID', encode(['2026-01-01T00:00:00.000Z', 'x'])],
    ['a number id', encode(['2026-01-01T00:00:00.000Z', 5])],
    ['a date that is no instant', encode(['yesterday', ID])],
    ['a date not written by us', encode(['2026-01-01', ID])],
    ['an impossible date', encode(['2026-02-30T00:00:00.000Z', ID])],
    ['a year beyond the database', encode(['+275760-09-13T00:00:00.000Z', ID])],
    ['an object', encode({ createdAt: '2026-01-01T00:00:00.000Z', id: ID })],
  ])('refuse %s as BAD_USER_INPUT on after', (_what, cursor) => {
    expect(errorOf(() => decodeCursor(cursor))).toEqual(['BAD_USER_INPUT', 'after']);
  });
});
