import { z } from 'zod';

// Everything here travels through Temporal as JSON: plain objects, arrays, strings and numbers only.

export const seniorityLevels = ['entry', 'mid', 'senior', 'lead', 'principal', 'executive'] as const;
export const seniorityLevelSchema = z.enum(seniorityLevels);
export type SeniorityLevel = z.infer<typeof seniorityLevelSchema>;

/** A job post as Greenhouse serves it: `content` is the post's HTML body. */
export const jobPostSchema = z.object({
  title: z.string().min(1),
  content: z.string(),
});
export type JobPost = z.infer<typeof jobPostSchema>;

/** The job record itself (not the post): what the admin set up in Greenhouse. */
export const jobDataSchema = z.object({
  jobId: z.string().min(1),
  title: z.string().min(1),
  department: z.string().optional(),
  /** Office names or locations, e.g. "Berlin", "New York, NY", "Remote - US". */
  offices: z.array(z.string()).default([]),
});
export type JobData = z.input<typeof jobDataSchema>;

export const pastJobSchema = z.object({
  title: z.string(),
  company: z.string().optional(),
  /** Free-form dates as sources give them: "2019", "Mar 2019", "2019-03". */
  start: z.string().optional(),
  end: z.string().optional(),
  description: z.string().optional(),
});
export type PastJob = z.infer<typeof pastJobSchema>;

/** A person as a sourcing tool describes them. Identity fields are kept for export, never scored. */
export const sourceProfileSchema = z.object({
  name: z.string().optional(),
  headline: z.string().optional(),
  title: z.string().optional(),
  company: z.string().optional(),
  location: z.string().optional(),
  summary: z.string().optional(),
  pastJobs: z.array(pastJobSchema).default([]),
  skills: z.array(z.string()).default([]),
  education: z
    .array(
      z.object({
        school: z.string().optional(),
        degree: z.string().optional(),
        field: z.string().optional(),
        graduationYear: z.union([z.number(), z.string()]).optional(),
      }),
    )
    .default([]),
  links: z.array(z.string()).default([]),
  emails: z.array(z.string()).default([]),
  phones: z.array(z.string()).default([]),
  photoUrl: z.string().optional(),
});
export type SourceProfile = z.input<typeof sourceProfileSchema>;

export type DocumentFormat = 'pdf' | 'docx' | 'text';

/** One resume file as an activity downloaded it. Bytes stay inside the activity; only results travel. */
export type ResumeFile = {
  fileName: string;
  contentType?: string;
  bytes: Uint8Array;
};

export type ExtractionFailureReason =
  'unsupported-format' | 'corrupt-file' | 'password-protected' | 'no-text' | 'empty-file' | 'too-large';

export type ExtractedDocument = {
  ok: true;
  fileName: string;
  format: DocumentFormat;
  text: string;
  pageCount?: number;
  warnings: string[];
};

export type ExtractionFailure = {
  ok: false;
  fileName: string;
  format: DocumentFormat | 'unknown';
  reason: ExtractionFailureReason;
  message: string;
};

export type ExtractionResult = ExtractedDocument | ExtractionFailure;

export const redactionKinds = [
  'name',
  'email',
  'phone',
  'address',
  'postal-code',
  'link',
  'photo',
  'graduation-year',
  'age',
  'pronoun',
  'honorific',
  'school',
  'affiliation',
] as const;
export type RedactionKind = (typeof redactionKinds)[number];

/** What the scorer is allowed to see about a person. */
export type ScoringInput = {
  personId: string;
  text: string;
};

/** A person ready to score: the blinded text for the scorers, the originals kept aside for export. */
export type BlindedCandidate = ScoringInput & {
  redactions: Partial<Record<RedactionKind, number>>;
  original: {
    text: string;
    profile?: SourceProfile;
  };
};

export type RequirementImportance = 'must' | 'nice';

/** Where in the job a requirement came from, so a recruiter can see why it exists. */
export type RequirementOrigin = {
  section: 'title' | 'must-have' | 'nice-to-have' | 'responsibilities' | 'job-data' | 'learned';
  line?: string;
};

type RequirementBase = {
  id: string;
  label: string;
  importance: RequirementImportance;
  weight: number;
  origin: RequirementOrigin;
};

export type SkillRequirement = RequirementBase & {
  kind: 'skill';
  /** Lower-case phrases that count as having the skill. */
  terms: string[];
  /** Case-sensitive regular expressions for names that are also ordinary words ("Go", "R"). */
  patterns: string[];
  /** Neighbouring skills that earn partial credit. */
  related: string[];
  /** Skills whose use proves this one: PyTorch is written in Python. */
  impliedBy: string[];
};

/** A requirement the dictionary does not know ("recommender systems"), matched by word stems. */
export type TopicRequirement = RequirementBase & {
  kind: 'topic';
  phrases: string[];
};

export type TitleRequirement = RequirementBase & {
  kind: 'title';
  terms: string[];
  related: string[];
};

export type SeniorityRequirement = RequirementBase & {
  kind: 'seniority';
  level: SeniorityLevel;
};

export type ExperienceRequirement = RequirementBase & {
  kind: 'years-of-experience';
  minYears: number;
};

export type WorkArrangement = 'remote' | 'hybrid' | 'onsite';

export type LocationRequirement = RequirementBase & {
  kind: 'location';
  places: string[];
  arrangement: WorkArrangement;
};

export type Requirement =
  | SkillRequirement
  | TopicRequirement
  | TitleRequirement
  | SeniorityRequirement
  | ExperienceRequirement
  | LocationRequirement;

/** One readable line of what training changed and why. */
export type ProfileAdjustment = {
  requirementId: string;
  change: 'raised' | 'lowered' | 'added' | 'moved-to-nice-to-have' | 'unchanged';
  fromWeight: number | null;
  toWeight: number;
  line: string;
};

export type JobProfile = {
  jobId: string;
  title: string;
  version: number;
  /** sha256 of the requirements and weights: equal hashes score identically. */
  contentHash: string;
  requirements: Requirement[];
  /** Words from the post that the dictionary does not know but that still describe the work. */
  keywords: string[];
  adjustments: ProfileAdjustment[];
  trainedFrom: {
    postTitle: string;
    outcomesConsidered: number;
  };
};

export type RequirementStatus = 'met' | 'partly' | 'not-met';

export type RequirementEvidence = {
  requirementId: string;
  label: string;
  kind: Requirement['kind'];
  importance: RequirementImportance;
  weight: number;
  status: RequirementStatus;
  /** A snippet of the blinded text that supports the status; null when nothing was found. */
  evidence: string | null;
  reason: string;
  foundBy: 'local' | 'semantic';
};

export type SemanticStatus =
  | { status: 'used'; model: string; similarity: number }
  | { status: 'not-configured' }
  | { status: 'unavailable'; reason: string }
  /** The model ran but cannot read this resume (an English-only model, a resume in another language). */
  | { status: 'not-read'; reason: string };

export type MatchResult = {
  personId: string;
  jobId: string;
  profileVersion: number;
  profileHash: string;
  /** 0–100. */
  score: number;
  components: {
    /** Weighted share of requirements met, 0–1. */
    coverage: number;
    /** BM25 relevance of the blinded text to the job, normalised to 0–1. */
    keywordRelevance: number;
    /** Embedding similarity, 0–1, when the semantic scorer took part. */
    semanticSimilarity: number | null;
    missingMustHaves: string[];
  };
  requirements: RequirementEvidence[];
  scorers: {
    local: 'used';
    semantic: SemanticStatus;
  };
  summary: string;
};
