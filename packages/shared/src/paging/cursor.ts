import { badInput } from '../errors.ts';
import { isUuid } from '../loaders.ts';

/**
 * Position of a row in a list ordered newest first: the list's order column (`created_at`, or
 * its own such as a consultation's `date`), then the id as tie-breaker. Every connection of the
 * graph orders this way, so one cursor format serves them all.
 */
export interface CursorPosition {
  createdAt: Date;
  id: string;
}

// What encodeCursor writes (Date#toISOString, always four-digit years): anything else was not
// issued by us. Years beyond PostgreSQL's timestamptz range would otherwise fail in SQL (a 500).
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Opaque cursor: base64url of the JSON `[position ISO instant, id]`; clients must not parse it. */
export function encodeCursor({ createdAt, id }: CursorPosition): string {
  return Buffer.from(JSON.stringify([createdAt.toISOString(), id])).toString('base64url');
}

/**
 * The position a cursor names; BAD_USER_INPUT (field `after`) for anything encodeCursor did not
 * write, including an id that is not a UUID (every paged table's key is one), so that a forged
 * cursor never reaches SQL.
 */
export function decodeCursor(cursor: string): CursorPosition {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(value) && value.length === 2) {
      const [at, id] = value as unknown[];
      if (typeof at === 'string' && ISO_INSTANT.test(at) && typeof id === 'string' && isUuid(id)) {
        const createdAt = new Date(at);
        // Round trip: refuses impossible dates (Feb 30) that Date would roll over.
        if (createdAt.toISOString() === at) return { createdAt, id };
      }
    }
  } catch {
    // fall through to the error below
  }
  throw badInput('Invalid cursor', 'after');
}
