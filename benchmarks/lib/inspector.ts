// The live heap of a service process, read through its inspector (`node --inspect`, bench
// only): a full garbage collection, then V8's used heap. Unlike a heap snapshot, which makes
// the process allocate several times its heap (kept by malloc, so its RSS stays up), this
// leaves the RSS the soak measures as it was.
import { WebSocket } from 'undici';

interface DevToolsTarget {
  webSocketDebuggerUrl: string;
}

/** Bytes used by the V8 heap of the process inspected on 127.0.0.1:`port`, after a full GC. */
export async function liveHeapBytes(port: number): Promise<number> {
  const res = await fetch(`http://127.0.0.1:${port}/json/list`);
  const [target] = (await res.json()) as DevToolsTarget[];
  if (!target) throw new Error(`no inspector target on port ${port}`);
  const socket = new WebSocket(target.webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('inspector unreachable')), {
      once: true,
    });
  });
  let next = 0;
  const call = (method: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      const id = ++next;
      const onMessage = (event: { data: unknown }) => {
        const message = JSON.parse(String(event.data)) as {
          id?: number;
          result?: Record<string, unknown>;
          error?: { message: string };
        };
        if (message.id !== id) return;
        socket.removeEventListener('message', onMessage);
        if (message.error) reject(new Error(`${method}: ${message.error.message}`));
        else resolve(message.result ?? {});
      };
      socket.addEventListener('message', onMessage);
      socket.send(JSON.stringify({ id, method }));
    });
  try {
    await call('HeapProfiler.enable');
    await call('HeapProfiler.collectGarbage');
    const usage = await call('Runtime.getHeapUsage');
    return Number(usage.usedSize);
  } finally {
    socket.close();
  }
}
