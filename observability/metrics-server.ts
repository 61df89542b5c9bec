import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { renderMetrics } from './metrics';

export interface ProbeServer {
  port: number;
  close(): Promise<void>;
}

/**
 * A worker has no web server of its own; this tiny one serves its Pilothouse metrics on `/metrics`
 * and a liveness answer on `/healthz` (200 while `healthy()` says so, 503 otherwise — e.g. while the
 * worker drains on SIGTERM), for Prometheus and the container health check.
 */
export async function serveProbes(options: {
  port: number;
  host?: string;
  /** The setting that chose the port, named when it is taken. */
  setting?: string;
  healthy: () => { ok: boolean; detail: string };
}): Promise<ProbeServer> {
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/metrics') {
      renderMetrics().then(
        ({ contentType, body }) => res.writeHead(200, { 'Content-Type': contentType }).end(body),
        (error: unknown) =>
          res.writeHead(500, { 'Content-Type': 'text/plain' }).end(`metrics failed: ${String(error)}\n`),
      );
      return;
    }
    if (path === '/healthz') {
      const health = options.healthy();
      res
        .writeHead(health.ok ? 200 : 503, { 'Content-Type': 'application/json', 'Cache-Control': 'no-store' })
        .end(JSON.stringify({ status: health.ok ? 'ok' : 'unavailable', detail: health.detail }));
      return;
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found: try /metrics or /healthz\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `${options.setting ?? 'WORKER_METRICS_PORT'}: ${options.port} is already in use`
            : error.message,
        ),
      ),
    );
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
