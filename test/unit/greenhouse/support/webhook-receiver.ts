import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedWebhook {
  rawBody: Buffer;
  signature: string | undefined;
  eventId: string | undefined;
  action: string;
}

/**
 * A stand-in for Pilothouse's webhook endpoint. `answers` scripts the status codes of the first
 * deliveries (then 200), so a test can make the sandbox retry.
 */
export async function startWebhookReceiver(answers: number[] = []) {
  const received: ReceivedWebhook[] = [];
  const waiting: { count: number; resolve: () => void }[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const rawBody = Buffer.concat(chunks);
      const header = (name: string) => {
        const value = request.headers[name];
        return Array.isArray(value) ? value[0] : value;
      };
      received.push({
        rawBody,
        signature: header('signature'),
        eventId: header('greenhouse-event-id'),
        action: (JSON.parse(rawBody.toString('utf8')) as { action: string }).action,
      });
      response.writeHead(answers.shift() ?? 200).end();
      for (const waiter of [...waiting]) {
        if (received.length >= waiter.count) {
          waiting.splice(waiting.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks/greenhouse`,
    received,
    /** Resolves once `count` deliveries have arrived. */
    waitFor: (count: number) =>
      received.length >= count
        ? Promise.resolve()
        : new Promise<void>((resolve) => waiting.push({ count, resolve })),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
