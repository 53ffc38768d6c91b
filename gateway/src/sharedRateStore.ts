// The request-rate counters of a gateway run as several workers (GATEWAY_WORKERS): kept in
// the primary process and reached over the cluster's IPC channel, so a client's limit is the
// same whichever worker its connections land on (per-worker counters would let N times as
// many through). Written by hand: the store interface is ours, and a message each way is all
// it takes. A single process keeps its counters in memory, as before.
import cluster from 'node:cluster';
import {
  createMemoryStore,
  type RateLimitCount,
  type RateLimitRule,
  type RateLimitStore,
} from '@grahvani/shared';

const TYPE = 'grahvani:rate';

interface RateQuestion {
  type: typeof TYPE;
  id: number;
  op: 'hit' | 'peek';
  rule: RateLimitRule;
  subject: string;
}

interface RateAnswer {
  type: typeof TYPE;
  id: number;
  count: RateLimitCount;
}

function isRateMessage(message: unknown): message is { type: typeof TYPE } {
  return (message as { type?: unknown } | null)?.type === TYPE;
}

/** In the primary: answers every worker's questions from one in-memory store. */
export function serveRateStore(): void {
  const store = createMemoryStore();
  cluster.on('message', (worker, message: unknown) => {
    if (!isRateMessage(message)) return;
    const { id, op, rule, subject } = message as RateQuestion;
    void store[op](rule, subject).then((count) => {
      const answer: RateAnswer = { type: TYPE, id, count };
      if (worker.isConnected()) worker.send(answer);
    });
  });
}

/** The store a gateway process counts its request rate in: the primary's in a worker. */
export function createSharedRateStore(): RateLimitStore {
  const send = process.send?.bind(process);
  if (!cluster.isWorker || !send) return createMemoryStore();
  const waiting = new Map<number, (count: RateLimitCount) => void>();
  let next = 0;
  process.on('message', (message: unknown) => {
    if (!isRateMessage(message)) return;
    const { id, count } = message as RateAnswer;
    waiting.get(id)?.(count);
    waiting.delete(id);
  });
  const ask = (op: RateQuestion['op'], rule: RateLimitRule, subject: string) =>
    new Promise<RateLimitCount>((resolve) => {
      const id = next++;
      waiting.set(id, resolve);
      const question: RateQuestion = { type: TYPE, id, op, rule, subject };
      send(question);
    });
  return {
    hit: (rule, subject) => ask('hit', rule, subject),
    peek: (rule, subject) => ask('peek', rule, subject),
  };
}
