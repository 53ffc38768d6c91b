// Serves the test web app from its own origin (http://localhost:<port>), so that every call
// to the gateway (http://127.0.0.1:<port>) is cross-origin, as for a real frontend.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  /** The page's origin, e.g. http://localhost:41234. */
  origin: string;
  close(): Promise<void>;
}

const PAGE = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8" /><title>Grahvani web app</title><link rel="icon" href="data:," /></head>
  <body style="font-family: sans-serif">
    <h1>Grahvani client book</h1>
    <ol id="steps"></ol>
    <script src="/app.js"></script>
  </body>
</html>`;

export async function servePage(script: string): Promise<PageServer> {
  const server = http.createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    } else if (req.url === '/app.js') {
      res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' }).end(script);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://localhost:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
