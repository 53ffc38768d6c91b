import type http from 'node:http';
import net from 'node:net';

/** A connection that served nothing for this long is closed during a drain (see below). */
const IDLE_CLOSE_MS = 200;

export interface Drain {
  /** True once close() began: /ready answers 503 so load balancers stop routing here. */
  readonly draining: boolean;
  /**
   * Stops accepting connections, lets requests in progress (and requests arriving on open
   * keep-alive connections) finish, answering each with `Connection: close`, and closes
   * connections once idle; after `graceMs` whatever remains is cut.
   */
  close(graceMs: number): Promise<void>;
}

/**
 * Graceful shutdown of an HTTP server. Hand-written because Node's `server.close()` (and the
 * libraries built on it: stoppable, http-terminator, Apollo's drain plugin) destroys idle
 * keep-alive connections at once, and a client that is sending its next request on one of them
 * at that moment gets a reset instead of an answer. Here a connection is closed only after it
 * has been idle for a while, or right after the response that told the client to close it.
 */
export function createDrain(server: http.Server): Drain {
  let draining = false;
  const sockets = new Map<net.Socket, { active: number; idleSince: number }>();
  server.on('connection', (socket: net.Socket) => {
    sockets.set(socket, { active: 0, idleSince: Date.now() });
    socket.once('close', () => sockets.delete(socket));
  });
  // Before the application's own listener, so the header goes out with every response.
  server.prependListener('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const state = sockets.get(req.socket);
    if (state) state.active++;
    if (draining) res.setHeader('Connection', 'close');
    res.once('close', () => {
      if (!state) return;
      state.active--;
      state.idleSince = Date.now();
    });
  });

  return {
    get draining() {
      return draining;
    },
    async close(graceMs) {
      draining = true;
      await new Promise<void>((resolve) => {
        const sweep = setInterval(() => {
          const now = Date.now();
          for (const [socket, state] of sockets) {
            if (state.active === 0 && now - state.idleSince >= IDLE_CLOSE_MS) socket.destroy();
          }
        }, 50);
        const force = setTimeout(() => {
          for (const socket of sockets.keys()) socket.destroy();
        }, graceMs);
        const done = () => {
          clearInterval(sweep);
          clearTimeout(force);
          resolve();
        };
        if (!server.listening && sockets.size === 0) return done();
        // net.Server's close: stop listening without http.Server's closing of idle connections.
        net.Server.prototype.close.call(server, () => done());
      });
      // http.Server's close clears its request-timeout timer; nothing is left for it to close.
      server.close();
    },
  };
}
