import { describe, expect, it } from 'vitest';
import { parseEnv } from '../../../config/env';
import { harvestTaskQueue } from '../../../temporal/task-queues';
import { harvestQueueActivitiesPerSecond, workerTuningFromEnv } from '../../../worker/tuning';
import { DEFAULT_WORKFLOW_BUNDLE_PATH, resolveWorkflowBundlePath } from '../../../worker/workflow-bundle';

const env = (values: Record<string, string> = {}) => parseEnv(values);

describe('worker settings from the environment', () => {
  it('leaves the SDK defaults alone unless told, except activity slots as many as database connections', () => {
    expect(workerTuningFromEnv(env())).toEqual({
      maxConcurrentActivityTaskExecutions: 20,
      shutdownGraceTime: '30 seconds',
    });
    expect(workerTuningFromEnv(env({ WORKER_DATABASE_POOL_SIZE: '8' }))).toMatchObject({
      maxConcurrentActivityTaskExecutions: 8,
    });
    expect(
      workerTuningFromEnv(
        env({
          WORKER_MAX_CONCURRENT_ACTIVITIES: '20',
          WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '10',
          WORKER_MAX_CACHED_WORKFLOWS: '500',
          WORKER_SHUTDOWN_GRACE_SECONDS: '5',
        }),
      ),
    ).toEqual({
      maxConcurrentActivityTaskExecutions: 20,
      maxConcurrentWorkflowTaskExecutions: 10,
      maxCachedWorkflows: 500,
      shutdownGraceTime: '5 seconds',
    });
  });

  it('rejects settings the SDK would silently change, naming the variables', () => {
    expect(() => env({ WORKER_MAX_CACHED_WORKFLOWS: '1' })).toThrow(
      /WORKER_MAX_CACHED_WORKFLOWS: must be 0 \(no cache\) or at least 2/,
    );
    expect(() => env({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '1' })).toThrow(
      /WORKER_MAX_CONCURRENT_WORKFLOW_TASKS/,
    );
    expect(() => env({ WORKER_ROLE: 'harvest' })).toThrow(/WORKER_ROLE/);
    expect(() =>
      workerTuningFromEnv(
        env({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '50', WORKER_MAX_CACHED_WORKFLOWS: '10' }),
      ),
    ).toThrow(/WORKER_MAX_CONCURRENT_WORKFLOW_TASKS \(50\) cannot exceed WORKER_MAX_CACHED_WORKFLOWS \(10\)/);
    // With the cache off, workflow tasks are not bounded by it.
    expect(
      workerTuningFromEnv(
        env({ WORKER_MAX_CONCURRENT_WORKFLOW_TASKS: '50', WORKER_MAX_CACHED_WORKFLOWS: '0' }),
      ),
    ).toMatchObject({
      maxCachedWorkflows: 0,
      maxConcurrentWorkflowTaskExecutions: 50,
    });
  });

  it('a build id turns on worker deployment versioning, auto-upgrading long-running workflows', () => {
    expect(
      workerTuningFromEnv(env({ WORKER_BUILD_ID: '2026.09.01-abc123' })).workerDeploymentOptions,
    ).toEqual({
      useWorkerVersioning: true,
      version: { deploymentName: 'pilothouse', buildId: '2026.09.01-abc123' },
      defaultVersioningBehavior: 'AUTO_UPGRADE',
    });
  });

  it('the Harvest queue: its own name, and a queue-wide rate that keeps all workers inside the account budget', () => {
    expect(harvestTaskQueue('pilothouse')).toBe('pilothouse-harvest');
    // 75 requests per 30 s less the 20 % margin = 2 per second, whatever the number of workers.
    expect(harvestQueueActivitiesPerSecond(env())).toBe(2);
    expect(harvestQueueActivitiesPerSecond(env({ GREENHOUSE_RATE_LIMIT: '150' }))).toBe(4);
    expect(harvestQueueActivitiesPerSecond(env({ HARVEST_ACTIVITIES_PER_SECOND: '0.5' }))).toBe(0.5);
    expect(() => env({ HARVEST_ACTIVITIES_PER_SECOND: '0' })).toThrow(/HARVEST_ACTIVITIES_PER_SECOND/);
  });

  it('the pre-built workflow bundle: used in production when present, never in development, required when named', () => {
    const present = () => true;
    const absent = () => false;
    expect(
      resolveWorkflowBundlePath(env({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) }), present),
    ).toBe(DEFAULT_WORKFLOW_BUNDLE_PATH);
    expect(
      resolveWorkflowBundlePath(env({ NODE_ENV: 'production', SESSION_SECRET: 's'.repeat(32) }), absent),
    ).toBeUndefined();
    expect(resolveWorkflowBundlePath(env(), present)).toBeUndefined();
    expect(resolveWorkflowBundlePath(env({ WORKFLOW_BUNDLE_PATH: '/opt/bundle.js' }), present)).toBe(
      '/opt/bundle.js',
    );
    expect(() => resolveWorkflowBundlePath(env({ WORKFLOW_BUNDLE_PATH: '/opt/bundle.js' }), absent)).toThrow(
      /WORKFLOW_BUNDLE_PATH: no file at \/opt\/bundle\.js/,
    );
  });
});
