import { DefaultLogger, Runtime } from '@temporalio/worker';

// Worker state changes and expected activity retries (fault scenarios) drown the test report; errors still show.
try {
  Runtime.install({ logger: new DefaultLogger('ERROR') });
} catch {
  // already installed in this process by an earlier test file
}
