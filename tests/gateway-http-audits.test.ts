// GraphQL over HTTP conformance: graphql-http's server audits against the real gateway. Every
// MUST and every SHOULD passes; MAYs ("notice") are reported by the library but not required.
import { serverAudits } from 'graphql-http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from './helpers/stack.ts';

describe('GraphQL over HTTP (graphql-http server audits)', () => {
  let stack: Stack;

  beforeAll(async () => {
    stack = await startStack();
  });
  afterAll(() => stack?.close());

  it('passes every MUST and SHOULD audit', async () => {
    const failures: string[] = [];
    const audits = serverAudits({ url: () => stack.gatewayUrl });
    expect(audits.length).toBeGreaterThan(20);
    for (const audit of audits) {
      const result = await audit.fn();
      if (result.status === 'ok' || result.status === 'notice') continue;
      failures.push(`${result.status} ${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
  });
});
