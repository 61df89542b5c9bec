import { Context } from '@temporalio/activity';
import { newJobAutopilot } from '../db/queries/app-settings';
import { hiringTeamFromGreenhouse, replaceHiringTeams } from '../db/queries/hiring-team';
import {
  jobStatuses,
  syncedJobSettings,
  upsertJobPost,
  upsertJobStage,
  upsertSyncedJob,
} from '../db/queries/jobs';
import { collect, type HarvestClient } from '../greenhouse/client';
import { GreenhouseError } from '../greenhouse/errors';
import { jobChangedSignal } from '../temporal/autopilot-api';
import { workflowClient } from '../temporal/client';
import { requireHarvest, type ActivityDeps } from './deps';
import { greenhouseCall } from './greenhouse-call';
import { sweepUnsignalledEvents } from '../services/webhook-signals';

export interface SyncedJob {
  jobId: number;
  status: 'open' | 'closed' | 'draft';
  autopilotEnabled: boolean;
  cadenceMinutes: number;
  /** It became open in Greenhouse since the last sync (or appeared open after the first): "Job opened" flows run. */
  opened?: boolean;
}

/** The activity's logger, or none when the sync runs outside an activity (scripts, tests). */
function activityLog() {
  try {
    return Context.current().log;
  } catch {
    return undefined;
  }
}

const chunk = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, i * size + size));

export function jobSyncActivities(deps: ActivityDeps) {
  const { db } = deps;
  return {
    /**
     * Stores every job the connection may see, with its posts (inactive too: a closed job's description
     * still trains similar jobs), interview stages and hiring team (replaced whole on each sync, so
     * someone taken off a team in Greenhouse stops deciding its approvals). A job missing from the list is not deleted:
     * Greenhouse hides what the connection may not see, so only a `job_deleted` webhook deletes.
     */
    async syncJobsFromGreenhouse(input: { enableNewOpenJobs: boolean }): Promise<SyncedJob[]> {
      const harvest = await requireHarvest(deps)();
      // New open jobs start with the autopilot on in demo mode, or when an admin chose it for new jobs.
      const enableNew = input.enableNewOpenJobs || (await newJobAutopilot(db));
      return greenhouseCall(async () => {
        const [departments, offices] = await Promise.all([
          collect(harvest.listDepartments({ per_page: 500 })),
          collect(harvest.listOffices({ per_page: 500 })),
        ]);
        const departmentName = new Map(departments.map((d) => [d.id, d.name]));
        const officeName = new Map(offices.map((o) => [o.id, o.name]));

        // What each job was before this sync, to tell a job that just opened. On the very first sync every
        // open job is simply open: nothing "opened".
        const before = new Map((await jobStatuses(db)).map((row) => [row.id, row.status]));
        const opened = new Set<number>();
        const jobIds: number[] = [];
        for await (const job of harvest.listJobs({ per_page: 500 })) {
          jobIds.push(job.id);
          if (job.status === 'open' && before.size > 0 && before.get(job.id) !== 'open') opened.add(job.id);
          await upsertSyncedJob(db, {
            id: job.id,
            name: job.name,
            requisition_id: job.requisition_id ?? null,
            status: job.status,
            confidential: job.confidential,
            department_name: job.department_id ? (departmentName.get(job.department_id) ?? null) : null,
            office_names: JSON.stringify(
              (job.office_ids ?? []).map((id) => officeName.get(id) ?? `Office ${id}`),
            ),
            greenhouse_updated_at: job.updated_at ?? null,
            autopilot_enabled: enableNew && job.status === 'open',
          });
        }

        for (const ids of chunk(jobIds, 50)) {
          for await (const post of harvest.listJobPosts({ job_ids: ids, active: false, per_page: 500 })) {
            await storeJobPost(post);
          }
          for await (const post of harvest.listJobPosts({ job_ids: ids, per_page: 500 })) {
            await storeJobPost(post);
          }
          for await (const stage of harvest.listJobInterviewStages({ job_ids: ids, per_page: 500 })) {
            await upsertJobStage(db, {
              id: stage.id,
              job_id: stage.job_id,
              name: stage.name,
              sort_order: stage.sort_order,
              active: stage.active,
            });
          }
          await syncHiringTeams(harvest, ids);
        }

        if (jobIds.length === 0) return [];
        const rows = await syncedJobSettings(db, jobIds);
        return rows.map((row) => ({
          jobId: row.id,
          status: row.status,
          autopilotEnabled: row.autopilot_enabled,
          cadenceMinutes: row.cadence_minutes,
          ...(opened.has(row.id) ? { opened: true } : {}),
        }));
      });

      /**
       * A credential from before hiring teams were read lacks their scopes: the sync goes on and the
       * stored teams stay as they were, so approvals for a role fall back to everyone on the job.
       */
      async function syncHiringTeams(client: HarvestClient, ids: number[]) {
        try {
          const [owners, managers] = await Promise.all([
            collect(client.listJobOwners({ job_ids: ids, per_page: 500 })),
            collect(client.listJobHiringManagers({ job_ids: ids, per_page: 500 })),
          ]);
          await replaceHiringTeams(db, ids, hiringTeamFromGreenhouse(owners, managers));
        } catch (error) {
          if (!(error instanceof GreenhouseError) || error.status !== 403) throw error;
          activityLog()?.warn('Hiring teams not synced: the Greenhouse credential lacks their scopes', {
            error: error.message,
          });
        }
      }

      async function storeJobPost(post: {
        id: number;
        job_id: number;
        title: string;
        content: string | null;
        live: boolean;
        active: boolean;
        updated_at?: string;
      }) {
        await upsertJobPost(db, {
          id: post.id,
          job_id: post.job_id,
          title: post.title,
          content: post.content ?? '',
          live: post.live,
          active: post.active,
          greenhouse_updated_at: post.updated_at ?? null,
        });
      }
    },

    /**
     * Starts (or wakes) the autopilot of every open job with autopilot on, and tells the autopilots of
     * closed jobs to stop. Workflow ids are derived from the job id, so doing this twice is harmless.
     * Then delivers the stored webhook events that were never signalled (Temporal was down when they
     * arrived), now that their autopilots run.
     */
    async reconcileAutopilots(input: {
      jobs: SyncedJob[];
    }): Promise<{ started: number; stopped: number; resignalled: number; resignalFailed: number }> {
      if (!deps.temporal || !deps.taskQueue) throw new Error('reconcileAutopilots needs the Temporal client');
      const client = deps.temporal;
      const workflows = workflowClient(client, deps.taskQueue);
      let started = 0;
      let stopped = 0;
      for (const job of input.jobs) {
        if (job.status === 'open' && job.autopilotEnabled) {
          await workflows.startOrWakeAutopilot(
            { jobId: job.jobId, cadenceMinutes: job.cadenceMinutes },
            'job-sync',
          );
          // Just started or woken: it runs, so "not running" would be a real failure here.
          if (
            job.opened &&
            !(await workflows.signalAutopilot(job.jobId, jobChangedSignal, { status: 'open' }))
          )
            throw new Error(`the autopilot of job ${job.jobId} ended before it heard the job opened`);
          started += 1;
        } else if (job.status === 'closed') {
          try {
            if (await workflows.signalAutopilot(job.jobId, jobChangedSignal, { status: 'closed' }))
              stopped += 1;
          } catch {
            // no autopilot running for this job: nothing to stop
          }
        }
      }
      const swept = await sweepUnsignalledEvents({ db, temporal: client, taskQueue: deps.taskQueue });
      return { started, stopped, resignalled: swept.signalled, resignalFailed: swept.failed };
    },
  };
}
