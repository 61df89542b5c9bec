import { loadRulePlans } from '../../../activities/autopilot/rule-plans';
import type { Db } from '../../../db/database';
import { evaluate } from '../../../rules';
import { autopilotWorkflowId } from '../../../temporal/autopilot-api';

/**
 * Puts `count` people in a job's pipeline waiting for approval, as the autopilot's selection leaves them:
 * the request carries the job's rules' resume point (the default rules: approve → export), so a decision
 * through the running autopilot carries on exactly as after a real cycle.
 */
export async function seedPendingApprovals(db: Db, jobId: number, count: number, label: string) {
  const [loaded] = await loadRulePlans(db, jobId);
  if (!loaded) throw new Error(`job ${jobId} has no rules to ask for approval with`);
  const people: { personId: string; name: string; score: number }[] = [];
  for (let i = 0; i < count; i++) {
    // Scores spread 75..99 and not in insertion order, so "best score first" has something to sort.
    const score = 75 + ((i * 7) % 25);
    const first = `${label}${String(i + 1).padStart(2, '0')}`;
    const person = await db
      .insertInto('person')
      .values({
        first_name: first,
        last_name: 'Tester',
        emails: JSON.stringify([`${first.toLowerCase()}.tester@example.org`]),
        title: 'Platform Engineer',
        company: 'Example Co',
        location: 'Lisbon',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('job_person')
      .values({
        job_id: jobId,
        person_id: person.id,
        source_kind: 'import',
        pipeline_stage: 'pending_approval',
        score,
        profile_version: 0,
      })
      .execute();
    await db
      .insertInto('match_score')
      .values({
        job_id: jobId,
        person_id: person.id,
        profile_version: 0,
        score,
        scorer: 'seed',
        explanation: JSON.stringify({
          summary: `Strong platform background (${score}).`,
          requirements: [
            {
              label: 'Kubernetes',
              status: 'met',
              importance: 'must',
              evidence: 'Ran Kubernetes clusters for 4 years',
            },
            {
              label: 'Go',
              status: 'partly',
              importance: 'nice',
              evidence: null,
              reason: 'Some Go in side projects',
            },
          ],
        }),
      })
      .execute();
    const evaluation = evaluate(
      loaded.plan,
      { type: 'personMatched', score },
      {
        now: new Date().toISOString(),
        personId: person.id,
        name: `${first} Tester`,
        score,
        requirements: {},
        source: 'import',
        greenhouse: { presence: 'none', onThisJob: false },
        hasEmail: true,
        hasLinkedIn: false,
        lastActivityAt: null,
      },
    );
    const request = evaluation.decisions.find((d) => d.type === 'requestApproval');
    if (!request || request.type !== 'requestApproval')
      throw new Error(`the rules did not ask for approval at score ${score}: ${evaluation.trace.summary}`);
    await db
      .insertInto('approval_request')
      .values({
        job_id: jobId,
        person_id: person.id,
        workflow_id: autopilotWorkflowId(jobId),
        requested_from: request.approver.name,
        due_at: new Date(Date.now() + 7 * 86_400_000 + i * 60_000),
        trace: JSON.stringify({
          flowId: loaded.flowId,
          version: loaded.version,
          planHash: loaded.plan.hash,
          resume: request.resume,
          timeoutMs: 7 * 86_400_000,
          onTimeout: 'expire',
          escalateTo: null,
        }),
      })
      .execute();
    people.push({ personId: person.id, name: `${first} Tester`, score });
  }
  return people;
}
