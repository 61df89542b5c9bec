import { recordAudit } from '../../db/queries/audit';
import { greenhouseLookUpSchedule, LOOK_UP_SCHEDULES } from '../../db/queries/app-settings';
import { peopleToLookUp } from '../../db/queries/greenhouse-look-ups';
import { presenceFromApplications, recordGreenhousePresence } from '../../db/queries/greenhouse-presence';
import { prospectPoolsOfJob, prospectPoolWatermark } from '../../db/queries/job-prospect-pools';
import { scoreAgainEverywhere } from '../../db/queries/match-scores';
import { addPersonToJob, addResumeText, linkGreenhouseCandidate } from '../../db/queries/people';
import type { GreenhousePresence } from '../../db/tables/people';
import { collect, type HarvestClient } from '../../greenhouse/client';
import { candidateLinkedInUrls } from '../../greenhouse/linkedin-url';
import { findPeople, findPossibleMatches } from '../../greenhouse/person-lookup';
import type { Candidate } from '../../greenhouse/schemas/candidates';
import { downloadResume } from './resume-download';
import { requireHarvest, type ActivityDeps } from '../deps';
import { greenhouseCall } from '../greenhouse-call';
import { moveWatermark, readWatermark } from '../../db/queries/watermarks';

export function sourceActivities(deps: ActivityDeps) {
  const { db } = deps;

  /**
   * The text of each application's latest resume, for up to 50 applications in one Harvest request
   * (Greenhouse allows 50 ids per filter), or why it could not be read: a bad file fails its own
   * person, never the batch.
   */
  async function resumeTexts(
    harvest: HarvestClient,
    applicationIds: number[],
  ): Promise<Map<number, { text: string } | { unreadable: string }>> {
    const texts = new Map<number, { text: string } | { unreadable: string }>();
    if (applicationIds.length === 0) return texts;
    const resumes = await collect(
      harvest.listAttachments({ application_ids: applicationIds, type: 'resume', per_page: 500 }),
    );
    // Greenhouse turns an older resume into "other" when a new one arrives; should two remain, the later wins.
    const latest = new Map(resumes.map((resume) => [resume.application_id, resume]));
    for (const [applicationId, resume] of latest) {
      texts.set(
        applicationId,
        await downloadResume(resume).catch((error: unknown) => ({
          unreadable:
            error instanceof Error && error.name === 'TimeoutError'
              ? 'download-timed-out'
              : 'download-failed',
        })),
      );
    }
    return texts;
  }

  function incomingFromCandidate(candidate: Candidate) {
    return {
      firstName: candidate.first_name ?? '',
      lastName: candidate.last_name ?? '',
      emails: candidate.email_addresses.map((e) => e.value),
      phones: candidate.phone_numbers.map((p) => p.value),
      linkedinUrl: candidateLinkedInUrls(candidate)[0] ?? null,
      title: candidate.title ?? null,
      company: candidate.company ?? null,
      location: candidate.addresses?.[0]?.value ?? null,
      greenhouseCandidateId: candidate.id,
    };
  }

  return {
    /**
     * Collects the job's new people since the last watermark: inbound applications, prospects on the job and
     * prospects in the pools chosen for it from Greenhouse, then looks up uploaded and outreach people in
     * Greenhouse by email or LinkedIn (again, on the admins' schedule, for those not found).
     */
    async sourceCandidates(input: { jobId: number }): Promise<{ newPeople: number; lookedUp: number }> {
      const harvest = await requireHarvest(deps)();
      return greenhouseCall(async () => {
        const scope = `job:${input.jobId}:inbound`;
        const from = await readWatermark(db, scope);
        const to = new Date();
        let newPeople = 0;

        const applications = await collect(
          harvest.listApplications({
            job_ids: [input.jobId],
            updated_at: { gte: from, lte: to },
            per_page: 500,
          }),
          50_000,
        );
        const prospects = await collect(
          harvest.listApplications({
            prospective_job_ids: [input.jobId],
            updated_at: { gte: from, lte: to },
            per_page: 500,
          }),
          50_000,
        );
        // Prospects in the Greenhouse prospect pools an admin chose for the job, each pool read from its own
        // watermark: a pool chosen today is read whole once, then like the lists above.
        const pools = await prospectPoolsOfJob(db, input.jobId);
        const poolWindows: string[] = [];
        const pooled: typeof applications = [];
        for (const pool of pools) {
          const poolScope = prospectPoolWatermark(input.jobId, pool.id);
          const details = await collect(
            harvest.listProspectDetails({
              pool_ids: [pool.id],
              updated_at: { gte: await readWatermark(db, poolScope), lte: to },
              per_page: 500,
            }),
            50_000,
          );
          const applicationIds = [...new Set(details.map((detail) => detail.application_id))];
          for (let i = 0; i < applicationIds.length; i += 50) {
            for await (const application of harvest.listApplications({
              ids: applicationIds.slice(i, i + 50),
              per_page: 500,
            }))
              if (application.prospect) pooled.push(application);
          }
          poolWindows.push(poolScope);
        }
        const byCandidate = new Map<number, typeof applications>();
        const seen = new Set<number>();
        for (const application of [...applications, ...prospects, ...pooled]) {
          // A prospect considered for the job and sitting in a chosen pool is read twice: counted once.
          if (seen.has(application.id)) continue;
          seen.add(application.id);
          byCandidate.set(application.candidate_id, [
            ...(byCandidate.get(application.candidate_id) ?? []),
            application,
          ]);
        }
        const candidateIds = [...byCandidate.keys()];
        for (let i = 0; i < candidateIds.length; i += 50) {
          const fresh: { personId: string; applicationId: number }[] = [];
          for await (const candidate of harvest.listCandidates({
            ids: candidateIds.slice(i, i + 50),
            per_page: 500,
          })) {
            const theirs = byCandidate.get(candidate.id) ?? [];
            const onJob = theirs.find((a) => a.job_id === input.jobId) ?? theirs[0]!;
            const { personId, addedToJob } = await addPersonToJob(
              db,
              input.jobId,
              incomingFromCandidate(candidate),
              {
                kind: onJob.prospect ? 'prospect_pool' : 'inbound',
                ref: `application:${onJob.id}`,
              },
            );
            if (addedToJob) {
              newPeople += 1;
              fresh.push({ personId, applicationId: onJob.id });
            }
            // A refresh of what is shown: a move, rejection or hire in it stays the tracking step's to act on.
            await recordGreenhousePresence(db, {
              jobId: input.jobId,
              personId,
              presence: presenceFromApplications(input.jobId, candidate.id, theirs),
              standing: 'refresh',
              lastActivityAt: onJob.last_activity_at ?? null,
            });
          }
          // The new people's resumes: one Harvest request per batch, not one per person.
          const texts = await resumeTexts(
            harvest,
            fresh.map((f) => f.applicationId),
          ).catch(() => new Map<number, { text: string } | { unreadable: string }>());
          for (const { personId, applicationId } of fresh) {
            const read = texts.get(applicationId);
            if (read && 'text' in read) {
              // Someone scored before without a resume is scored again with it, on every job they are
              // in; a score that moves then reaches the "Match score crossed" flows.
              if (await addResumeText(db, personId, read.text)) await scoreAgainEverywhere(db, personId);
            } else if (read)
              // Why this person has no resume text (the reason only: a file name can name the person).
              await recordAudit(db, {
                actor: 'autopilot',
                action: 'resume.unreadable',
                jobId: input.jobId,
                personId,
                details: { applicationId, reason: read.unreadable },
              });
          }
        }
        await moveWatermark(db, scope, to);
        for (const poolScope of poolWindows) await moveWatermark(db, poolScope, to);

        // People who came from uploads or outreach: is this person in Greenhouse (now)? Someone not found is
        // looked up again once the admins' schedule (daily or weekly) has passed, a few per cycle.
        const schedule = LOOK_UP_SCHEDULES[await greenhouseLookUpSchedule(db)];
        const unchecked = await peopleToLookUp(db, input.jobId, {
          lookedUpBefore: new Date(Date.now() - schedule.days * 86_400_000),
        });
        for (const person of unchecked) {
          const matches = await findPeople(harvest, {
            emails: person.emails,
            linkedInUrl: person.linkedin_url ?? undefined,
          });
          const match = matches[0];
          let presence: GreenhousePresence & { possibleMatches?: unknown[] } = { kind: 'none' };
          if (!match) {
            // Name, company and title alike: shown to a recruiter as a possible match, never linked.
            const possibleMatches = await findPossibleMatches(harvest, {
              firstName: person.first_name,
              lastName: person.last_name,
              company: person.company,
              title: person.title,
            });
            if (possibleMatches.length > 0) presence = { kind: 'none', possibleMatches };
          }
          if (match) {
            const theirs = await collect(harvest.listApplications({ candidate_ids: [match.candidate.id] }));
            presence = presenceFromApplications(input.jobId, match.candidate.id, theirs);
            await linkGreenhouseCandidate(db, {
              personId: person.id,
              candidateId: match.candidate.id,
              ifUnlinked: true,
            });
          }
          await recordGreenhousePresence(db, {
            jobId: input.jobId,
            personId: person.id,
            presence: { ...presence, checkedAt: new Date().toISOString() },
            standing: 'refresh',
          });
        }
        return { newPeople, lookedUp: unchecked.length };
      });
    },
  };
}
