// Makes sure the pinned Temporal CLI is available (CI runs this before the tests; `npm start` and the
// test setup would do the same on demand).
import { resolveTemporalCli } from '../infra/temporal-cli';

const cli = await resolveTemporalCli({
  cliPath: process.env.TEMPORAL_CLI_PATH,
  log: (line) => console.log(line),
});
console.log(
  cli.source === 'sdk-download'
    ? 'Temporal CLI: none found; the SDK will download one'
    : `Temporal CLI: ${cli.path} (${cli.source})`,
);
