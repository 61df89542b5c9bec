// How long one autopilot cycle takes end to end for a job with N sourced people (default 500), on the
// real dev server and PostgreSQL with the sandbox as Greenhouse, and how long the job's workflow history
// is after 10 cycles. Run: `npm run bench:autopilot [-- --people 500 --cycles 10]`.
import { parseArgs } from 'node:util';
import { DefaultLogger, Runtime, Worker } from '@temporalio/worker';
import { addPersonToJob } from '../db/queries/people';
import { HarvestClient } from '../greenhouse/client';
import { startSandbox } from '../sandbox';
import { createActivities } from '../activities';
import { createHarvestWorker, WORKFLOWS_PATH } from '../worker/create-worker';
import { autopilotWorkflowId, newSourceDataSignal, statusQuery } from '../temporal/autopilot-api';
import { startBenchServices } from './support/services';

const { values } = parseArgs({
  options: { people: { type: 'string', default: '500' }, cycles: { type: 'string', default: '10' } },
});
const people = Number(values.people);
const cycles = Number(values.cycles);
Runtime.install({ logger: new DefaultLogger('ERROR') });

const services = await startBenchServices();
// Greenhouse's real budget would make this a benchmark of the rate limit; raise it to measure the engine.
const sandbox = await startSandbox({ candidates: 50, rateLimit: 100_000, log: () => {} });
const harvest = new HarvestClient({
  clientId: sandbox.demoCredentials.clientId,
  clientSecret: sandbox.demoCredentials.clientSecret,
  tokenUrl: sandbox.tokenUrl,
  baseUrl: sandbox.baseUrl,
  rateLimit: { requestsPerWindow: 100_000 },
});
const { client } = services.temporal;
const taskQueue = 'bench-autopilot';
const deps = { db: services.db, harvest: async () => harvest, temporal: client, taskQueue };
const worker = await Worker.create({
  connection: services.temporal.nativeConnection,
  taskQueue,
  workflowsPath: WORKFLOWS_PATH,
  activities: createActivities(deps),
});
// Greenhouse calls go to the Harvest queue, as in production; its queue limit is raised with the budget.
const harvestWorker = await createHarvestWorker({
  connection: services.temporal.nativeConnection,
  namespace: 'default',
  taskQueue,
  deps,
  maxTaskQueueActivitiesPerSecond: 1_000,
});

try {
  await harvestWorker.runUntil(
    worker.runUntil(async () => {
      await client.workflow.execute('syncJobs', { taskQueue, workflowId: 'bench-sync', args: [{}] });
      const job = await services.db
        .selectFrom('job')
        .select('id')
        .where('status', '=', 'open')
        .orderBy('id')
        .executeTakeFirstOrThrow();
      await services.db
        .updateTable('job')
        .set({ autopilot_enabled: true })
        .where('id', '=', job.id)
        .execute();
      const skills = [
        'Kubernetes',
        'Go',
        'TypeScript',
        'PostgreSQL',
        'React',
        'Python',
        'AWS',
        'Terraform',
        'Kafka',
        'GraphQL',
      ];
      for (let i = 0; i < people; i += 1) {
        await addPersonToJob(
          services.db,
          job.id,
          {
            firstName: `Person${i}`,
            lastName: 'Bench',
            emails: [`person${i}.bench@example.org`],
            resumeText: `Software engineer with ${2 + (i % 12)} years of experience in ${skills[i % 10]}, ${skills[(i * 3) % 10]} and ${skills[(i * 7) % 10]}.`,
          },
          { kind: 'import' },
        );
      }

      const started = performance.now();
      const handle = await client.workflow.start('jobAutopilot', {
        taskQueue,
        workflowId: autopilotWorkflowId(job.id),
        args: [{ jobId: job.id, cadenceMinutes: 600 }],
      });
      const waitForCycle = async (n: number) => {
        for (;;) {
          const status = await handle.query(statusQuery);
          if (status.cycle >= n && status.phase === 'sleeping') return status;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      };
      const first = await waitForCycle(1);
      const firstMs = performance.now() - started;

      const laterStarted = performance.now();
      for (let n = 2; n <= cycles; n += 1) {
        await handle.signal(newSourceDataSignal, { reason: 'manual' });
        await waitForCycle(n);
      }
      const laterMs = (performance.now() - laterStarted) / Math.max(1, cycles - 1);
      const history = await handle.fetchHistory();
      const memory = process.memoryUsage();

      console.log(`autopilot cycle benchmark (${people} sourced people, ${cycles} cycles)`);
      console.log(
        `  first cycle end to end      ${(firstMs / 1000).toFixed(1)} s  (${first.counts.matched} scored, ${first.counts.pendingApproval} sent for approval)`,
      );
      console.log(`  later cycle (nothing new)   ${(laterMs / 1000).toFixed(2)} s on average`);
      console.log(`  history after ${cycles} cycles     ${history.events?.length ?? 0} events`);
      console.log(
        `  process memory (rss / heap) ${(memory.rss / 2 ** 20).toFixed(0)} MiB / ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB`,
      );
      await handle.terminate('benchmark finished');
    }),
  );
} finally {
  await sandbox.close();
  await services.stop();
}
