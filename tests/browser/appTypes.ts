// What the test passes to the web app (tests/browser/webApp.ts) and gets back from it.

export interface RunOptions {
  gatewayUrl: string;
  email: string;
  password: string;
  clientName: string;
  /** Use Apollo Client's persisted-queries link (hash first, text when the hash is unknown). */
  persisted: boolean;
}

export interface RunResult {
  steps: string[];
  clientCountBefore?: number;
  clientCountAfter?: number;
  createdId?: string;
  readBack?: { name: string; tags: string[]; ownerEmail: string | null };
  /** The error that stopped the run: a network error (a refused CORS check) or GraphQL codes. */
  error?: { message: string; network: boolean; codes: unknown[] };
}

/** The app's entry point, as the page exposes it on `window`. */
export interface WebApp {
  run(options: RunOptions): Promise<RunResult>;
}
