import { withoutMaskOnlyLines } from './blind';
import { firstPersonSentence, titleLines } from './candidate-facts';
import { embedWithCache, type EmbeddingCache } from './embedding-cache';
import type { EmbeddingClient } from './embedding-client';
import type { CandidateScorer, ScorerResult } from './scorer';
import { withoutSkillsLists } from './skills-lists';
import { clamp } from './text';
import type { JobProfile, RequirementEvidence, RequirementStatus, ScoringInput } from './types';

// Embedding similarity between the job and each person's blinded resume, cut into chunks so a long resume's
// relevant job is not averaged away. Thresholds are cosine similarities; the defaults suit small sentence
// models (all-MiniLM, bge-small, e5-small) and can be tuned per model.

export type SemanticScorerOptions = {
  client: EmbeddingClient;
  cache?: EmbeddingCache;
  /** Cosine at or below which the job and a resume are unrelated (maps to 0). */
  similarityFloor?: number;
  /** Cosine at or above which they are as close as a resume gets (maps to 1). */
  similarityCeiling?: number;
  /** Per requirement: cosine for "partly" and "met". */
  partlyAt?: number;
  metAt?: number;
  /** Cosine between the job title and a title the person held, for "partly" and "met". */
  titlePartlyAt?: number;
  titleMetAt?: number;
  /** Share of the similarity from per-requirement matching; the rest from the whole post. */
  requirementShare?: number;
  chunkChars?: number;
  maxChunks?: number;
  /** Whether the model reads languages other than English; by default guessed from its name. */
  readsManyLanguages?: boolean;
};

/** Model names that say they read many languages (multilingual-e5, bge-m3, LaBSE, paraphrase-multilingual). */
const multilingualName = /multilingual|bge-m3|labse|xlm|distiluse/i;

export type SemanticScorerResult = ScorerResult & { similarity: number };

export type SemanticScorer = CandidateScorer & {
  readonly model: string;
  /** False for models trained on English only (the default all-MiniLM): resumes in other languages are not scored by it. */
  readonly readsManyLanguages?: boolean;
  scoreWithDetails(profile: JobProfile, people: readonly ScoringInput[]): Promise<SemanticScorerResult[]>;
};

export function createSemanticScorer(options: SemanticScorerOptions): SemanticScorer {
  const floor = options.similarityFloor ?? 0.2;
  const ceiling = options.similarityCeiling ?? 0.75;
  const partlyAt = options.partlyAt ?? 0.5;
  const metAt = options.metAt ?? 0.65;
  const titlePartlyAt = options.titlePartlyAt ?? 0.5;
  const titleMetAt = options.titleMetAt ?? 0.75;
  const chunkChars = options.chunkChars ?? 1000;
  const maxChunks = options.maxChunks ?? 8;
  const maxTitles = 6;
  const requirementShare = options.requirementShare ?? 1;

  const scoreWithDetails = async (
    profile: JobProfile,
    people: readonly ScoringInput[],
  ): Promise<SemanticScorerResult[]> => {
    const judged = profile.requirements.filter(
      (r) => r.kind === 'skill' || r.kind === 'title' || r.kind === 'topic',
    );
    const jobText = jobDescription(profile);
    // The model reads what people did, not the lists they wrote (matching/skills-lists.ts).
    const chunksByPerson = people.map((p) => chunk(withoutSkillsLists(p.text), chunkChars, maxChunks));
    // A title is compared with the titles a person held, not with their whole text: a recruiter's "hired 60
    // backend engineers" is close in meaning to "Backend Engineer" but is not the same job. A resume written
    // as prose has no title line ("For four years I have owned deals from first call to signature"): then
    // its passages are all there is to read the work from, and the title is compared with them.
    const titlesByPerson = people.map((p) =>
      titleLines(p.text)
        .slice(0, maxTitles)
        .map((t) => t.line),
    );
    const texts = [
      jobText,
      ...judged.map((r) => (r.kind === 'title' ? profile.title : r.label)),
      ...chunksByPerson.flat(),
      ...titlesByPerson.flat(),
    ];
    const { vectors } = await embedWithCache(options.client, options.cache, texts);

    const jobVector = vectors[0]!;
    const requirementVectors = vectors.slice(1, 1 + judged.length);
    let offset = 1 + judged.length;
    const chunkVectorsByPerson = chunksByPerson.map((chunks) => {
      const slice = vectors.slice(offset, offset + chunks.length);
      offset += chunks.length;
      return slice;
    });
    const titleVectorsByPerson = titlesByPerson.map((titles) => {
      const slice = vectors.slice(offset, offset + titles.length);
      offset += titles.length;
      return slice;
    });
    return people.map((person, p) => {
      const chunks = chunksByPerson[p]!;
      const chunkVectors = chunkVectorsByPerson[p]!;
      // Sentences someone wrote about themselves ("I hold an Ohio RN license…") are no title line of a job:
      // when they are all that names a role, the title is read from the passages too.
      const proseOnly = titlesByPerson[p]!.every((t) => firstPersonSentence.test(t));
      const titles = proseOnly ? [...titlesByPerson[p]!, ...chunks] : titlesByPerson[p]!;
      const titleVectors = proseOnly
        ? [...titleVectorsByPerson[p]!, ...chunkVectors]
        : titleVectorsByPerson[p]!;

      const toJob = chunkVectors.map((v) => cosine(jobVector, v)).sort((a, b) => b - a);
      const top = toJob.slice(0, 3);
      const raw = top.length === 0 ? 0 : top.reduce((s, x) => s + x, 0) / top.length;
      const similarity = clamp((raw - floor) / (ceiling - floor), 0, 1);

      const requirements: RequirementEvidence[] = judged.map((requirement, r) => {
        const isTitle = requirement.kind === 'title';
        const byTitles = isTitle && titleVectors.length > 0;
        const candidates = byTitles ? titleVectors : chunkVectors;
        const passages = byTitles ? titles : chunks;
        let best = -1;
        let bestAt = -1;
        candidates.forEach((v, c) => {
          const s = cosine(requirementVectors[r]!, v);
          if (s > best) [best, bestAt] = [s, c];
        });
        const [met, partly] = isTitle ? [titleMetAt, titlePartlyAt] : [metAt, partlyAt];
        const status: RequirementStatus = best >= met ? 'met' : best >= partly ? 'partly' : 'not-met';
        return {
          requirementId: requirement.id,
          label: requirement.label,
          kind: requirement.kind,
          importance: requirement.importance,
          weight: requirement.weight,
          status,
          evidence: status === 'not-met' || bestAt < 0 ? null : excerpt(passages[bestAt]!),
          reason: isTitle
            ? `held a title ${best.toFixed(2)} similar in meaning`
            : `closest passage is ${best.toFixed(2)} similar in meaning`,
          foundBy: 'semantic',
        };
      });
      // Matched per requirement: how close each requirement's best passage is, weighted like the requirements,
      // blended with how close the resume reads to the post as a whole.
      const bestByRequirement = judged.map((requirement, r) => {
        const candidates =
          requirement.kind === 'title' && titleVectors.length > 0 ? titleVectors : chunkVectors;
        const best = Math.max(0, ...candidates.map((v) => cosine(requirementVectors[r]!, v)));
        return { weight: requirement.weight, closeness: clamp((best - floor) / (ceiling - floor), 0, 1) };
      });
      const totalWeight = bestByRequirement.reduce((sum, b) => sum + b.weight, 0);
      const perRequirement =
        totalWeight === 0
          ? similarity
          : bestByRequirement.reduce((sum, b) => sum + b.weight * b.closeness, 0) / totalWeight;
      const blended = requirementShare * perRequirement + (1 - requirementShare) * similarity;
      return { personId: person.personId, score: blended, similarity: blended, requirements };
    });
  };

  return {
    name: 'semantic',
    model: options.client.model,
    readsManyLanguages: options.readsManyLanguages ?? multilingualName.test(options.client.model),
    scoreWithDetails,
    score: scoreWithDetails,
  };
}

function jobDescription(profile: JobProfile): string {
  const lines = new Set<string>([profile.title]);
  for (const requirement of profile.requirements) {
    if (requirement.origin.line && requirement.origin.section !== 'job-data')
      lines.add(requirement.origin.line);
  }
  return [...lines].join('\n');
}

/** Blank-line or line-boundary chunks of about `size` characters; the first chunks hold the most recent work. */
export function chunk(text: string, size: number, max: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    if (current.length + line.length + 1 > size && current.trim()) {
      chunks.push(current.trim());
      current = '';
      if (chunks.length >= max) break;
    }
    current += `${line}\n`;
  }
  if (current.trim() && chunks.length < max) chunks.push(current.trim());
  return chunks;
}

export function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

function excerpt(text: string): string {
  const flat = withoutMaskOnlyLines(text).replace(/\s+/g, ' ').trim();
  return flat.length <= 180 ? flat : `${flat.slice(0, 179)}…`;
}
