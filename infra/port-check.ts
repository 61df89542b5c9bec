import { createServer } from 'node:net';

/** Resolves when nothing listens on host:port; otherwise says which setting to change. */
export async function assertPortFree(port: number, setting: string, host = '127.0.0.1'): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE'
            ? `${setting}: port ${port} is already in use (another Pilothouse or service is running?)`
            : `${setting}: cannot listen on ${host}:${port}: ${error.message}`,
        ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}
