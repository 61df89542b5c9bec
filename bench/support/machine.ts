import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

/** The machine a benchmark ran on, for the line above its table: figures mean little without it. */
export function machine(): string {
  const model = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return (
    `${availableParallelism()} cores (${model}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, ` +
    `node ${process.version}, load average ${loadavg()[0]!.toFixed(1)} at start`
  );
}
