import { describe, expect, it } from 'vitest';
import { learnFromOutcomes, trainJobProfile, type Outcome } from '../../../matching';

const post = {
  title: 'Site Reliability Engineer',
  content: `<h3>Requirements</h3><ul>
    <li>Production Kubernetes experience</li>
    <li>Terraform</li>
    <li>Chef</li>
  </ul>`,
};
const job = { jobId: 'sre-1', title: 'Site Reliability Engineer', offices: ['Remote'] };
const base = trainJobProfile({ job, post });

function sre(id: string, outcome: Outcome['outcome'], skills: string, jobId = 'sre-1'): Outcome {
  return {
    personId: id,
    jobId,
    outcome,
    text: `Site Reliability Engineer, Acme (2018 – present)\nWorked with ${skills}`,
  };
}

// Five hires, most with Kubernetes and Datadog, few with Chef; six rejections, mostly without Kubernetes.
const outcomes: Outcome[] = [
  sre('h1', 'hired', 'Kubernetes, Terraform, Datadog'),
  sre('h2', 'hired', 'Kubernetes, Terraform, Datadog'),
  sre('h3', 'hired', 'k8s, Terraform, Datadog'),
  sre('h4', 'hired', 'EKS, Datadog'),
  sre('h5', 'hired', 'Terraform, Chef'),
  sre('r1', 'rejected', 'Terraform, Chef'),
  sre('r2', 'rejected', 'Terraform, Chef'),
  sre('r3', 'rejected', 'Chef'),
  sre('r4', 'rejected', 'Kubernetes, Chef'),
  sre('r5', 'rejected', 'Terraform'),
  sre('r6', 'rejected', 'Chef, Terraform'),
];

describe('learning from outcomes already in Greenhouse', () => {
  const learned = learnFromOutcomes(base, outcomes);
  const weight = (id: string) => learned.requirements.find((r) => r.id === id)?.weight;
  const line = (id: string) => learned.adjustments.find((a) => a.requirementId === id)?.line;

  it('raises the weight of what hires had and rejections lacked, and says so in numbers', () => {
    // Smoothed shares: hires (4 + ½) / (5 + 1) = 0.75, rejections (1 + ½) / (6 + 1) ≈ 0.21; 3 × (1 + 0.54) = 4.61.
    expect(weight('skill:kubernetes')).toBe(4.61);
    expect(line('skill:kubernetes')).toBe(
      'weight of Kubernetes raised 3 → 4.61: 4 of 5 hires had it, 1 of 6 rejected did',
    );
  });

  it('moves a must-have most hires lacked to nice-to-have', () => {
    expect(learned.requirements.find((r) => r.id === 'skill:ansible')).toMatchObject({
      importance: 'nice',
      label: 'Chef',
    });
    expect(line('skill:ansible')).toBe(
      'Chef moved to nice-to-have: only 1 of 5 hires had it, 5 of 6 rejected did',
    );
  });

  it('adds a skill the post never asked for when hires share it and rejections do not', () => {
    expect(learned.requirements.find((r) => r.id === 'skill:observability')).toMatchObject({
      importance: 'nice',
      origin: { section: 'learned' },
    });
    expect(line('skill:observability')).toBe(
      'added Observability as nice-to-have: 4 of 5 hires had it, 0 of 6 rejected did',
    );
  });

  it('leaves alone what does not separate hires from rejections', () => {
    expect(weight('skill:terraform')).toBe(3);
    expect(line('skill:terraform')).toBeUndefined();
  });

  it('is a new version of the profile, and learning the same outcomes again changes nothing', () => {
    expect(learned.version).toBe(base.version + 1);
    expect(learned.trainedFrom.outcomesConsidered).toBe(11);
    const retrained = trainJobProfile({ job, post, outcomes, previous: learned });
    expect(retrained).toMatchObject({ version: learned.version, contentHash: learned.contentHash });
  });

  it('counts outcomes from similar jobs at half strength', () => {
    const fromSimilarJobs = learnFromOutcomes(
      base,
      outcomes.map((o) => ({ ...o, jobId: 'sre-other' })),
    );
    const similarWeight = fromSimilarJobs.requirements.find((r) => r.id === 'skill:kubernetes')?.weight ?? 0;
    expect(similarWeight).toBeGreaterThan(3);
    expect(similarWeight).toBeLessThan(weight('skill:kubernetes') ?? 0);
  });

  it('does not learn from a handful of outcomes', () => {
    const few = learnFromOutcomes(base, outcomes.slice(0, 3));
    expect(few.requirements).toEqual(base.requirements);
    expect(few.adjustments.at(-1)?.line).toBe(
      'weights unchanged: 3 usable outcomes with 3 hired or advanced is too few to learn from',
    );
  });

  it('learns from skills only, never from who the people were', () => {
    const named = outcomes.map((o, i) => ({
      ...o,
      text: `${i < 5 ? 'Greg Baker, 60614' : 'Jamal Jones, 60621'}\n${o.text}`,
    }));
    expect(learnFromOutcomes(base, named).requirements).toEqual(learned.requirements);
  });
});
