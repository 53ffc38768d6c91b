import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

// What a client may choose as its own request id: short, visible ASCII (safe in logs and headers).
const CLIENT_ID = /^[\x21-\x7e]{1,128}$/;

/**
 * Gives every request an id: the client's `x-request-id` when it is 1 to 128 visible ASCII
 * characters, else a new UUID. It is echoed in the response and forwarded to the subgraphs, so
 * an audit event can be traced back to the request (and the client that sent it).
 */
export const assignRequestId: RequestHandler = (req, res, next) => {
  const given = req.get('x-request-id')?.trim();
  const id = given && CLIENT_ID.test(given) ? given : randomUUID();
  req.headers['x-request-id'] = id;
  res.set('x-request-id', id);
  next();
};
