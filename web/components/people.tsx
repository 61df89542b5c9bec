import { DEFAULT_SCORE_THRESHOLD } from '../../rules/default-flow';
import { Badge } from './ui';
import type { GreenhouseBadge as Presence, MatchExplanationView } from '../server/job-people.server';
import { useWhen } from './when';

const STATUS_WORD = { met: 'Met', partly: 'Partly met', 'not-met': 'Not met' } as const;
const STATUS_TONE = { met: 'good', partly: 'warn', 'not-met': 'bad' } as const;
/**
 * Requirements whose quote does not say what was read from it — a title in another language and how it was
 * read, the years counted in the line of work, a level, a place — so the reason is shown beside the quote.
 * A skill's quote speaks for itself.
 */
const READ_FROM_THE_QUOTE = new Set(['title', 'seniority', 'years-of-experience', 'location']);

/** Why the person scored what they did: each requirement, how well it is met, and the evidence. */
export function MatchExplanation({
  explanation,
  score,
}: {
  explanation: MatchExplanationView;
  score: number | null;
}) {
  if (explanation.requirements.length === 0 && !explanation.summary) {
    return (
      <p className="small muted">
        {score === null ? 'Not scored yet.' : 'No explanation was stored for this score.'}
      </p>
    );
  }
  return (
    <div className="explanation" data-testid="match-explanation">
      {explanation.summary ? <p className="small">{explanation.summary}</p> : null}
      <ul className="requirements">
        {explanation.requirements.map((r) => (
          <li key={r.label} data-status={r.status}>
            <Badge tone={STATUS_TONE[r.status]}>{STATUS_WORD[r.status]}</Badge> <strong>{r.label}</strong>
            {r.importance === 'must' ? <span className="small muted"> · must-have</span> : null}
            {r.evidence ? <q className="evidence">{r.evidence}</q> : null}
            {r.reason && (!r.evidence || READ_FROM_THE_QUOTE.has(r.kind)) ? (
              <span className="small muted"> — {r.reason}</span>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  );
}

/** Where the person stands in Greenhouse, with a link to their profile once synced. */
export function GreenhouseStatus({ presence, synced }: { presence: Presence; synced: boolean }) {
  const { when } = useWhen();
  if (presence.kind === 'none') {
    return synced && presence.profileUrl ? (
      <a href={presence.profileUrl} target="_blank" rel="noreferrer" data-testid="synced-badge">
        <Badge tone="good">Synced to Greenhouse ↗</Badge>
      </a>
    ) : (
      <div className="gh-status">
        <Badge testId="not-in-greenhouse">Not in Greenhouse</Badge>
        {presence.possibleMatches.length > 0 ? (
          <div className="small muted" data-testid="possible-match">
            Possibly already there (same name, company and title):{' '}
            {presence.possibleMatches.map((m, i) => (
              <span key={m.candidateId}>
                {i > 0 ? ', ' : ''}
                <a href={m.profileUrl ?? undefined} target="_blank" rel="noreferrer">
                  {presence.possibleMatches.length === 1 ? 'the Greenhouse profile' : `profile ${i + 1}`} ↗
                </a>
              </span>
            ))}
            . Check before exporting.
          </div>
        ) : null}
      </div>
    );
  }
  const label = presence.kind === 'prospect' ? 'Prospect' : 'Applicant';
  return (
    <div className="gh-status">
      <a href={presence.profileUrl ?? '#'} target="_blank" rel="noreferrer" data-testid="synced-badge">
        <Badge tone={presence.onThisJob ? 'good' : 'info'}>
          {label}
          {/* A prospect from a pool may be considered for no job at all: "other job" would be wrong. */}
          {presence.onThisJob ? '' : presence.kind === 'prospect' ? ' (not on this job)' : ' (other job)'} ↗
        </Badge>
      </a>
      <div className="small muted">
        {[
          presence.stageName,
          presence.status && presence.status !== 'in_process' ? presence.status : null,
          presence.recruiterName ? `recruiter ${presence.recruiterName}` : null,
          presence.lastActivityAt ? `active ${when(presence.lastActivityAt)}` : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </div>
    </div>
  );
}

export function ScorePill({ score }: { score: number | null }) {
  if (score === null) return <span className="score none">–</span>;
  // The colours tell what the default rules' line does (ADR 12): from 40 a person is worth a recruiter's look;
  // from 55 nearly all are good or strong fits on the labelled sets.
  const tone = score >= 55 ? 'high' : score >= DEFAULT_SCORE_THRESHOLD ? 'mid' : 'low';
  return (
    <span className={`score ${tone}`} aria-label={`Match score ${score}`}>
      {score}
    </span>
  );
}
