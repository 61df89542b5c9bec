import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import { tlsOptions, unreachable, type TemporalTarget } from '../infra/temporal-connection';

// Kept apart from infra/temporal-connection so the web app never pulls the worker's native packages.
/** The worker's native connection, with the same settings and the same readable failure. */
export async function connectTemporalWorker(target: TemporalTarget): Promise<NativeConnection> {
  try {
    return await NativeConnection.connect({
      address: target.address,
      tls: tlsOptions(target) as NativeConnectionOptions['tls'],
      apiKey: target.apiKey,
    });
  } catch (error) {
    throw unreachable(target, error);
  }
}
