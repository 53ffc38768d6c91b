import type { StackConfig } from './config.ts';
import { embeddedOptions } from './embedded.ts';

/**
 * Runs `fn` with the owner's URL: DATABASE_URL, or the embedded development database started
 * for the occasion (stop `npm start` first: it holds that database) and stopped afterwards.
 */
export async function withOwnerDatabase<T>(
  config: StackConfig,
  fn: (ownerUrl: string) => Promise<T>,
): Promise<T> {
  if (config.databaseUrl) return fn(config.databaseUrl);
  // Loaded only here: production installs (DATABASE_URL set) carry no @grahvani/devtools.
  const { startEmbeddedDatabase } = await import('@grahvani/devtools/embedded');
  const embedded = await startEmbeddedDatabase(embeddedOptions(config));
  try {
    return await fn(embedded.url);
  } finally {
    await embedded.stop();
  }
}
