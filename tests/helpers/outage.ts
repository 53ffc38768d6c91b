// Proxies that stand in for a service and can be taken down and brought back, counting every
// connection attempt: to see how verifiers behave while the auth service or the database is
// unreachable, and that their reconnect attempts do not multiply.
import http from 'node:http';
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface Outage {
  /** Origin (http://127.0.0.1:port) or host:port of the proxy. */
  address: string;
  port: number;
  /** Connection attempts (HTTP: requests, with their paths) since start, with times. */
  attempts: { at: number; path?: string }[];
  /** Drops every open connection and resets new ones (an outage). */
  down(): void;
  up(): void;
  close(): Promise<void>;
}

function track(server: net.Server, sockets: Set<net.Socket>) {
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
}

const listen = (server: net.Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

/** An HTTP proxy in front of `target` (an origin): streams pass through while it is up. */
export async function httpOutage(target: string): Promise<Outage> {
  const attempts: Outage['attempts'] = [];
  const sockets = new Set<net.Socket>();
  let isUp = true;
  const server = http.createServer((req, res) => {
    attempts.push({ at: Date.now(), path: req.url });
    if (!isUp) return void req.socket.destroy();
    const upstream = http.request(
      new URL(req.url ?? '/', target),
      { method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  track(server, sockets);
  const port = await listen(server);
  return {
    address: `http://127.0.0.1:${port}`,
    port,
    attempts,
    down() {
      isUp = false;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      isUp = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** A TCP proxy in front of `host:port` (e.g. PostgreSQL). */
export async function tcpOutage(targetHost: string, targetPort: number): Promise<Outage> {
  const attempts: Outage['attempts'] = [];
  const sockets = new Set<net.Socket>();
  let isUp = true;
  const server = net.createServer((client) => {
    attempts.push({ at: Date.now() });
    if (!isUp) return void client.destroy();
    const upstream = net.connect(targetPort, targetHost);
    sockets.add(upstream);
    upstream.on('close', () => sockets.delete(upstream));
    client.pipe(upstream).pipe(client);
    const end = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', end);
    upstream.on('error', end);
    client.on('close', end);
    upstream.on('close', end);
  });
  track(server, sockets);
  const port = await listen(server);
  return {
    address: `127.0.0.1:${port}`,
    port,
    attempts,
    down() {
      isUp = false;
      for (const socket of sockets) socket.destroy();
    },
    up() {
      isUp = true;
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
