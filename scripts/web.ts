import { loadEnv } from '../config/load-env';
import { runWeb } from '../web/server/run-web';
import { exitWithReadableError } from './exit-with-readable-error';

async function main() {
  const web = await runWeb(loadEnv());
  console.log(`web app listening on ${web.url}`);
  const shutdown = () => {
    web.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch(exitWithReadableError);
