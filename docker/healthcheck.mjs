/* global fetch, AbortSignal */
// Container healthcheck (the image has no curl): exits 0 when the URL answers 2xx in 3 s.
// Usage: node docker/healthcheck.mjs http://127.0.0.1:4000/health
const url = process.argv[2] ?? 'http://127.0.0.1:4000/health';
try {
  const res = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  process.exit(res.ok ? 0 : 1);
} catch {
  process.exit(1);
}
