import { loadEnv } from '../config/load-env';
import { runWorker } from '../worker/run-worker';
import { exitWithReadableError } from './exit-with-readable-error';

try {
  await runWorker(loadEnv());
} catch (error) {
  exitWithReadableError(error);
}
