import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
});
