import { readFileSync } from 'node:fs';
import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import type { Env } from '../config/env';
import { waitUntil } from './wait-until';

export interface TemporalTarget {
  address: string;
  namespace: string;
  apiKey?: string;
  tls?: { certPath?: string; keyPath?: string; caPath?: string };
}

/** The cluster named by the environment, or the local dev server when TEMPORAL_ADDRESS is unset. */
export function temporalTargetFromEnv(env: Env): TemporalTarget {
  const tlsPaths = env.TEMPORAL_TLS_CERT_PATH || env.TEMPORAL_TLS_CA_PATH;
  return {
    address: env.TEMPORAL_ADDRESS ?? `127.0.0.1:${env.TEMPORAL_DEV_PORT}`,
    namespace: env.TEMPORAL_NAMESPACE,
    apiKey: env.TEMPORAL_API_KEY,
    tls: tlsPaths
      ? {
          certPath: env.TEMPORAL_TLS_CERT_PATH,
          keyPath: env.TEMPORAL_TLS_KEY_PATH,
          caPath: env.TEMPORAL_TLS_CA_PATH,
        }
      : undefined,
  };
}

function readPem(path: string | undefined, variable: string): Buffer | undefined {
  if (!path) return undefined;
  try {
    return readFileSync(path);
  } catch (error) {
    throw new Error(
      `${variable}: cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
      {
        cause: error,
      },
    );
  }
}

export function tlsOptions(target: TemporalTarget): ConnectionOptions['tls'] {
  if (target.tls) {
    const cert = readPem(target.tls.certPath, 'TEMPORAL_TLS_CERT_PATH');
    const key = readPem(target.tls.keyPath, 'TEMPORAL_TLS_KEY_PATH');
    const ca = readPem(target.tls.caPath, 'TEMPORAL_TLS_CA_PATH');
    return { clientCertPair: cert && key ? { crt: cert, key } : undefined, serverRootCACertificate: ca };
  }
  // Temporal Cloud API keys only travel over TLS.
  return target.apiKey ? true : undefined;
}

export class TemporalUnreachableError extends Error {
  override name = 'TemporalUnreachableError';
}

export function unreachable(target: TemporalTarget, error: unknown): TemporalUnreachableError {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  return new TemporalUnreachableError(
    `Temporal is not reachable at ${target.address} (namespace ${target.namespace}): ${reason}. ` +
      'Check TEMPORAL_ADDRESS, or unset it to let Pilothouse start the dev server.',
  );
}

/** A client connection for the web app and scripts; fails fast with one readable line. */
export async function connectTemporalClient(target: TemporalTarget, timeoutMs = 5_000): Promise<Client> {
  try {
    const connection = await Connection.connect({
      address: target.address,
      tls: tlsOptions(target),
      apiKey: target.apiKey,
      connectTimeout: timeoutMs,
    });
    return new Client({ connection, namespace: target.namespace });
  } catch (error) {
    throw unreachable(target, error);
  }
}

/** True when the namespace answers; used by /healthz and the start-up readiness loop. */
export async function pingTemporal(client: Client, timeoutMs = 3_000): Promise<void> {
  await client.connection.withDeadline(Date.now() + timeoutMs, () =>
    client.workflowService.describeNamespace({ namespace: client.options.namespace }),
  );
}

/** A client once the namespace answers — readiness is a loop (start-up of `npm start`, tests, `prepare`). */
export async function waitForTemporal(
  target: TemporalTarget,
  timing: { timeoutMs: number; intervalMs?: number },
): Promise<Client> {
  return waitUntil(
    `Temporal namespace ${target.namespace} at ${target.address}`,
    async () => {
      const candidate = await connectTemporalClient(target, 2_000);
      try {
        await pingTemporal(candidate);
        return candidate;
      } catch (error) {
        await candidate.connection.close();
        throw error;
      }
    },
    timing,
  );
}
