import { loadEnv } from '../config/load-env';
import { startProduct } from '../infra/start-product';
import { exitWithReadableError } from './exit-with-readable-error';

try {
  await startProduct(loadEnv());
} catch (error) {
  exitWithReadableError(error);
}
