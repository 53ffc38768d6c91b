import type { Identity, Logger } from '@grahvani/shared';
import type { Db } from './db.ts';
import type { Loaders } from './loaders.ts';

/** Per-request context of the users subgraph: verified caller plus fresh loaders. */
export interface Context {
  identity: Identity | null;
  db: Db;
  loaders: Loaders;
  logger: Logger;
  /** The client's User-Agent (the gateway forwards it), recorded with activity logs. */
  userAgent: string | null;
}
