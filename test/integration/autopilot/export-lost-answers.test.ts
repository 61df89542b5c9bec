import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimExport, markCreateAttempted } from '../../../db/queries/exports';
import { addPersonToJob } from '../../../db/queries/people';
import { collect } from '../../../greenhouse/client';
import { exportWorkflowId } from '../../../temporal/autopilot-api';
import { startAutopilotHarness, type AutopilotHarness } from '../../support/autopilot-harness';

// Greenhouse carried out a write, but its answer never arrived (a timeout, a dropped connection): the
// retried step must find what it already made instead of making a second resume or note.
describe('exports whose Greenhouse answers are lost', () => {
  let h: AutopilotHarness;
  let jobId: number;

  beforeAll(async () => {
    h = await startAutopilotHarness();
    jobId = await h.syncAndPickOpenJob({ autopilot: false });
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  });

  it('creates one person, one resume and one note when every first answer is lost', async () => {
    const email = 'lola.lost@example.org';
    const { personId } = await addPersonToJob(
      h.db,
      jobId,
      {
        firstName: 'Lola',
        lastName: 'Lost',
        emails: [email],
        resumeText: 'Platform engineer, Kubernetes, Go',
      },
      { kind: 'import' },
    );
    // The candidate create, the resume upload and the note: each done by Greenhouse, each answer lost.
    await fetch(`${h.sandbox.controlUrl}/faults`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ lostAnswers: { pathPrefix: '/v3/', count: 3 } }),
    });
    const result = await h.client.workflow.execute('exportCandidate', {
      taskQueue: h.taskQueue,
      workflowId: exportWorkflowId(jobId, personId),
      args: [
        { jobId, personId, target: { kind: 'candidate', stageId: null }, requestedBy: 'riley@example.com' },
      ],
    });
    const faults = await (await fetch(`${h.sandbox.controlUrl}/faults`)).json();
    await fetch(`${h.sandbox.controlUrl}/faults`, { method: 'DELETE' });
    // Every lost answer was spent: the scenario really exercised the three writes.
    expect(faults.lostAnswers.count).toBe(0);

    const found = await collect(h.harvest.listCandidates({ email }));
    expect(found).toHaveLength(1);
    expect(found[0]!.id).toBe(result.candidateId);
    const attachments = await collect(h.harvest.listAttachments({ candidate_ids: [result.candidateId] }));
    expect(attachments.map((a) => a.type)).toEqual(['resume']);
    const notes = await collect(h.harvest.listNotes({ candidate_ids: [result.candidateId] }));
    expect(notes.filter((n) => (n.body ?? '').includes('Pilothouse'))).toHaveLength(1);
  });

  it('a person whose create was sent by a worker that then died still gets their resume', async () => {
    const email = 'dario.died@example.org';
    const { personId } = await addPersonToJob(
      h.db,
      jobId,
      { firstName: 'Dario', lastName: 'Died', emails: [email], resumeText: 'Site reliability engineer, Go' },
      { kind: 'import' },
    );
    const workflowId = exportWorkflowId(jobId, personId);
    const target = { kind: 'candidate', stageId: null } as const;
    // The first attempt claimed the export, marked the create, sent it (Greenhouse made the person) and
    // died before it could record who was made.
    await claimExport(h.db, { jobId, personId, workflowId, target, requestedBy: 'riley@example.com' });
    await markCreateAttempted(h.db, { jobId, personId }, 'candidate_create_attempted_at');
    const made = await h.harvest.createCandidate({
      first_name: 'Dario',
      last_name: 'Died',
      email_addresses: [{ value: email, type: 'personal' }],
      application: { job_id: jobId },
    });

    const result = await h.client.workflow.execute('exportCandidate', {
      taskQueue: h.taskQueue,
      workflowId,
      args: [{ jobId, personId, target, requestedBy: 'riley@example.com' }],
    });

    // Found by email, but as the earlier attempt's own creation, not someone Greenhouse already had.
    expect(result.candidateId).toBe(made.candidate.id);
    expect(result.reusedExistingCandidate).toBe(false);
    expect(await collect(h.harvest.listCandidates({ email }))).toHaveLength(1);
    const attachments = await collect(h.harvest.listAttachments({ candidate_ids: [result.candidateId] }));
    expect(attachments.map((a) => a.type)).toEqual(['resume']);
  });
});
