// `npm run bench:harvest`: how much of Greenhouse's rate budget the Harvest client really uses.
// Starts the sandbox at its default limit (75 requests per fixed 30 s window), lets several
// concurrent callers hammer it through one shared client for a few windows, and prints, per
// window, requests used / allowed and the 429s seen. A good client uses nearly all of every full
// window and sees no 429s. BENCH_WINDOWS sets how many full windows to measure (default 2).
import { HarvestClient } from '../greenhouse';
import { startSandbox } from '../sandbox';

const fullWindows = Number(process.env.BENCH_WINDOWS ?? 2);
const callers = 8;
const windowMs = 30_000;

const sandbox = await startSandbox({ port: 0, candidates: 300, log: () => undefined });
const client = new HarvestClient({
  ...sandbox.demoCredentials,
  tokenUrl: sandbox.tokenUrl,
  baseUrl: sandbox.baseUrl,
});
const candidateIds = sandbox.runtime.state.candidates.map((candidate) => candidate.id);

// Measure whole windows: the first (partial) window warms up, then `fullWindows` are timed.
const startedAt = Date.now();
const firstFullWindow = Math.ceil(startedAt / windowMs) * windowMs;
const stopAt = firstFullWindow + fullWindows * windowMs;
process.stdout.write(
  `Harvest throughput: ${callers} concurrent callers, sandbox limit 75 per 30 s, ` +
    `measuring ${fullWindows} full window(s) (~${Math.round((stopAt - startedAt) / 1000)} s)\n`,
);

let calls = 0;
let failures = 0;
async function caller(index: number) {
  for (let i = index; Date.now() < stopAt - 250; i += callers) {
    try {
      await client.getCandidate(candidateIds[i % candidateIds.length] as number);
      calls++;
    } catch {
      failures++;
    }
  }
}
await Promise.all(Array.from({ length: callers }, (_, index) => caller(index)));
// Let the window in progress close so it lands in the history.
await new Promise((resolve) => setTimeout(resolve, Math.max(0, stopAt - Date.now()) + 100));
sandbox.runtime.harvestWindow.current();

const windows = sandbox.runtime.harvestWindow.history.filter(
  (w) => Date.parse(w.windowStart) >= firstFullWindow,
);
const limit = sandbox.runtime.harvestWindow.limit;
process.stdout.write('\nwindow start (UTC)          used / allowed   429s\n');
for (const window of windows) {
  process.stdout.write(
    `${window.windowStart}    ${String(window.used).padStart(4)} / ${limit}       ${window.refused}\n`,
  );
}
const used = windows.reduce((sum, w) => sum + w.used, 0);
const refused = windows.reduce((sum, w) => sum + w.refused, 0);
const perWindow = windows.length > 0 ? used / windows.length : 0;
process.stdout.write(
  `\nsustained: ${perWindow.toFixed(1)} requests per 30 s window of ${limit} allowed ` +
    `(${((100 * perWindow) / limit).toFixed(1)} %), ${refused} 429s from the server, ` +
    `${client.rateLimiter.stats.rateLimited} seen by the client; ${calls} calls completed, ${failures} failed; ` +
    `callers waited ${(client.rateLimiter.stats.waitedMs / 1000).toFixed(0)} s in total for budget\n`,
);
await sandbox.close();
