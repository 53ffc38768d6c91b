import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parse, type DocumentNode } from 'graphql';
import { ConfigError } from '@grahvani/shared';

/** The operations of a persisted-operation manifest, and the documents by SHA-256 (hex). */
export interface OperationManifest {
  documents: DocumentNode[];
  persisted: Map<string, string>;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The hex digest of a document id: `sha256:<hex>` (GraphQL over HTTP) or the bare hex (APQ). */
export function sha256OfDocumentId(id: string): string {
  return id.startsWith('sha256:') ? id.slice('sha256:'.length) : id;
}

/**
 * Reads a manifest as GraphQL Code Generator's client preset writes it (`persistedDocuments`
 * with `hashAlgorithm: sha256`): a JSON object of `"sha256:<hex>"` to document text. Every
 * key must be the SHA-256 of its text, so that a client may send the text with the hash
 * (Apollo Server checks the pair) and the hash names exactly one document; anything else
 * refuses the manifest at start.
 */
export function loadOperationManifest(file: string): OperationManifest {
  let entries: [string, unknown][];
  try {
    entries = Object.entries(JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>);
  } catch (err) {
    throw new ConfigError(
      `OPERATION_ALLOWLIST: cannot read the operation manifest ${file} (npm run codegen writes it): ${(err as Error).message}`,
    );
  }
  const documents: DocumentNode[] = [];
  const persisted = new Map<string, string>();
  for (const [id, text] of entries) {
    const hash = sha256OfDocumentId(id);
    if (typeof text !== 'string' || sha256(text) !== hash) {
      throw new ConfigError(
        `OPERATION_ALLOWLIST: ${file} maps "${id}" to something other than a document whose SHA-256 it is`,
      );
    }
    documents.push(parse(text));
    persisted.set(hash, text);
  }
  return { documents, persisted };
}
