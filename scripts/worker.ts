import { loadEnv } from '../config/load-env';
import { runWorker } from '../worker/run-worker';
import { exitWithReadableError } from './exit-with-readable-error';

runWorker(loadEnv()).catch(exitWithReadableError);
