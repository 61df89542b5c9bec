import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useFetcher } from 'react-router';
import xyflowStyles from '@xyflow/react/dist/style.css?url';
import { z } from 'zod';
import type { Route } from './+types/job-rules';
import { useCsrfToken } from '../components/csrf';
import { RuleEditor } from '../components/rule-canvas/editor';
import { Badge, Notice, PageHeader, Spinner } from '../components/ui';
import { UnsavedChangesDialog, useUnsavedChangesGuard } from '../components/unsaved-changes';
import { parseRuleFlow, type RuleFlow } from '../../rules';
import { requireMutation, requireUser } from '../server/auth.server';
import { invalid, parseForm } from '../server/forms.server';
import { parseJobId, requireJob } from '../server/jobs.server';
import {
  dryRunFlow,
  loadDraft,
  previewPublication,
  publishFlow,
  saveDraft,
  validationContext,
  versionHistory,
} from '../server/rules.server';
import { useWhen } from '../components/when';
import { suggestedExportStage } from '../server/default-export-stage.server';

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: xyflowStyles }];

const flowField = z.string().transform((text, ctx) => {
  try {
    return parseRuleFlow(JSON.parse(text));
  } catch (error) {
    ctx.addIssue({
      code: 'custom',
      message: `The flow is not a valid rule document: ${(error as Error).message.slice(0, 300)}`,
    });
    return z.NEVER;
  }
});

export const ruleActionSchema = z.discriminatedUnion('intent', [
  z.object({ intent: z.literal('save'), flow: flowField }),
  z.object({ intent: z.literal('dry-run'), flow: flowField }),
  z.object({ intent: z.literal('preview'), flow: flowField }),
  z.object({ intent: z.literal('publish'), flow: flowField, retroactive: z.literal('on').optional() }),
]);

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `Rules · ${loaderData?.job.name ?? 'Job'} · Pilothouse` }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context, ['admin']);
  const jobId = parseJobId(params.jobId);
  const job = await requireJob(context, jobId);
  const [draft, { validation, referenceError }] = await Promise.all([
    loadDraft(context, jobId),
    validationContext(context, jobId, user),
  ]);
  const [versions, exportsAt] = await Promise.all([
    versionHistory(context, draft.flow.id),
    suggestedExportStage(context, jobId),
  ]);
  return { job: { id: job.id, name: job.name }, draft, validation, referenceError, versions, exportsAt };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context, ['admin']);
  const jobId = parseJobId(params.jobId);
  await requireJob(context, jobId);
  const parsed = parseForm(ruleActionSchema, form);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const input = parsed.value;
  if (input.flow.jobId !== jobId)
    return invalid({ flow: [`This flow belongs to job ${input.flow.jobId}, not job ${jobId}.`] });
  const { validation } = await validationContext(context, jobId, user);
  switch (input.intent) {
    case 'save':
      await saveDraft(context, input.flow, user.email);
      return { intent: 'save' as const, savedAt: new Date().toISOString() };
    case 'dry-run':
      return { intent: 'dry-run' as const, report: await dryRunFlow(context, input.flow, validation) };
    case 'preview':
      return {
        intent: 'preview' as const,
        preview: await previewPublication(context, input.flow, validation),
      };
    case 'publish':
      return {
        intent: 'publish' as const,
        result: await publishFlow(context, user, input.flow, validation, input.retroactive === 'on'),
      };
  }
}

const OUTCOME_WORDS: Record<string, string> = {
  exported: 'would be exported',
  moved: 'would be moved',
  rejected: 'would be rejected',
  sentForApproval: 'would go to approval',
  other: 'would get notes, tags or waits only',
  noAction: 'nothing would happen',
};

export default function JobRules({ loaderData }: Route.ComponentProps) {
  const { when } = useWhen();
  const { job, draft, validation, referenceError, versions, exportsAt } = loaderData;
  const csrf = useCsrfToken();
  const current = useRef<RuleFlow>(draft.flow);
  const [dirty, setDirty] = useState(false);
  const [publishOpen, setPublishOpen] = useState(false);
  // "Also apply to people already handled" is an explicit choice, confirmed with the number it reaches.
  const [retroactive, setRetroactive] = useState(false);
  const saver = useFetcher<typeof action>();
  const runner = useFetcher<typeof action>();
  const publisher = useFetcher<typeof action>();
  // What the server last confirmed storing (first: the draft as the editor first reports it; then a
  // saved draft, or a publish, which saves the draft too): unsaved while the canvas differs from it.
  const stored = useRef<string | null>(null);
  const sent = useRef<string | null>(null);
  const publishedFlow = useRef<string | null>(null);
  const onFlowChange = useCallback((flow: RuleFlow) => {
    current.current = flow;
    stored.current ??= JSON.stringify(flow);
    setDirty(JSON.stringify(flow) !== stored.current);
  }, []);
  const submit = (fetcher: typeof saver, intent: string, extra: Record<string, string> = {}) =>
    fetcher.submit({ csrf, intent, flow: JSON.stringify(current.current), ...extra }, { method: 'post' });
  const saveDraft = () => {
    sent.current = JSON.stringify(current.current);
    void submit(saver, 'save');
  };

  const saved = saver.data && 'intent' in saver.data && saver.data.intent === 'save' ? saver.data : null;
  const report =
    runner.data && 'intent' in runner.data && runner.data.intent === 'dry-run' ? runner.data.report : null;
  const preview =
    publisher.data && 'intent' in publisher.data && publisher.data.intent === 'preview'
      ? publisher.data.preview
      : null;
  const published =
    publisher.data && 'intent' in publisher.data && publisher.data.intent === 'publish'
      ? publisher.data.result
      : null;
  const formErrors = [saver.data, runner.data, publisher.data].flatMap((d) =>
    d && 'fieldErrors' in d ? Object.values(d.fieldErrors).flat() : [],
  );
  useEffect(() => {
    if (!saved || sent.current === null) return;
    stored.current = sent.current;
    setDirty(JSON.stringify(current.current) !== stored.current);
  }, [saved]);
  useEffect(() => {
    if (!published?.ok || publishedFlow.current === null) return;
    stored.current = publishedFlow.current;
    setDirty(JSON.stringify(current.current) !== stored.current);
  }, [published]);
  const leaving = useUnsavedChangesGuard(dirty);
  const blockers =
    preview?.issues.filter((i) => i.severity === 'error' || (i.requiresAcknowledgement && !i.acknowledged)) ??
    [];

  return (
    <main className="page wide">
      <PageHeader
        title={`Rules for ${job.name}`}
        actions={
          <>
            <Link className="button" to={`/jobs/${job.id}`}>
              Back to job
            </Link>
            <button
              type="button"
              className="button"
              data-testid="save-draft"
              disabled={saver.state !== 'idle'}
              onClick={saveDraft}
            >
              {saver.state !== 'idle' ? 'Saving…' : dirty ? 'Save draft •' : 'Save draft'}
            </button>
            <button
              type="button"
              className="button"
              data-testid="dry-run"
              disabled={runner.state !== 'idle'}
              onClick={() => void submit(runner, 'dry-run')}
            >
              {runner.state !== 'idle' ? <Spinner label="Running…" /> : 'Dry run'}
            </button>
            <button
              type="button"
              className="button primary"
              data-testid="publish"
              onClick={() => {
                setPublishOpen(true);
                setRetroactive(false);
                void submit(publisher, 'preview');
              }}
            >
              Publish…
            </button>
          </>
        }
      >
        Draw what happens when: a trigger, conditions, then actions. Drafts are yours; published versions
        drive the autopilot.
        {draft.updatedAt
          ? ` Draft saved ${when(draft.updatedAt)} by ${draft.updatedBy}.`
          : versions.length === 0
            ? ' Nothing saved or published yet: these are the default rules the job runs now.'
            : ''}
      </PageHeader>
      {referenceError ? <Notice tone="info">Some choices are missing: {referenceError}</Notice> : null}
      {draft.damaged ? (
        <Notice tone="error">The stored draft could not be read; the default flow is shown instead.</Notice>
      ) : null}
      {formErrors.length > 0 ? <Notice tone="error">{formErrors.join(' ')}</Notice> : null}
      {saved ? (
        <Notice tone="success">
          <span data-testid="draft-saved">Draft saved</span> at {when(saved.savedAt)}.
        </Notice>
      ) : null}

      <RuleEditor
        flow={draft.flow}
        context={validation}
        onFlowChange={onFlowChange}
        revealAllIssues={publishOpen}
      />
      <UnsavedChangesDialog
        blocker={leaving}
        what="Your changes to these rules"
        save={{ label: 'Save draft and leave', run: saveDraft, busy: saver.state !== 'idle' }}
      />

      {report ? (
        <section className="panel" data-testid="dry-run-results" aria-live="polite">
          <h2>Dry run</h2>
          {report.ok ? (
            <>
              <p data-testid="dry-run-over">
                Run over {report.over}. Nothing was changed.
                {report.total > 0 ? (
                  <>
                    {' '}
                    <strong data-testid="dry-run-touched">{report.touched}</strong> of them would have been
                    acted on.
                  </>
                ) : null}
              </p>
              {report.total === 0 ? (
                <p className="muted">
                  Nothing to replay: nothing of this kind happened for this job in that time.
                </p>
              ) : (
                <ul className="dry-run">
                  {Object.entries(report.counts)
                    .filter(([, count]) => count > 0)
                    .map(([outcome, count]) => (
                      <li key={outcome} data-outcome={outcome}>
                        <strong>{count}</strong> {OUTCOME_WORDS[outcome] ?? outcome}
                        {(report.examples[outcome] ?? []).length > 0 ? (
                          <ul className="small">
                            {report.examples[outcome]!.map((e, i) => (
                              <li key={i}>
                                <strong>{e.name}</strong>: {e.because}
                              </li>
                            ))}
                            {count > report.examples[outcome]!.length ? (
                              <li className="muted">and {count - report.examples[outcome]!.length} more</li>
                            ) : null}
                          </ul>
                        ) : null}
                      </li>
                    ))}
                </ul>
              )}
            </>
          ) : (
            <Notice tone="error">
              The flow cannot run yet:{' '}
              {report.issues
                .filter((i) => i.severity === 'error')
                .map((i) => i.message)
                .join(' ')}
            </Notice>
          )}
        </section>
      ) : null}

      {publishOpen ? (
        <section
          className="panel publish-dialog"
          role="dialog"
          aria-labelledby="publish-heading"
          data-testid="publish-dialog"
        >
          <h2 id="publish-heading">Publish these rules</h2>
          {publisher.state !== 'idle' ? <Spinner label="Checking…" /> : null}
          {published ? (
            published.ok ? (
              <Notice tone="success">
                <span data-testid="published-version">Version {published.version} published</span>.{' '}
                {published.signalled
                  ? 'The running autopilot picks it up now.'
                  : 'It applies when the autopilot next starts.'}
              </Notice>
            ) : (
              <Notice tone="error">
                Not published: {published.blockers.map((b) => b.message).join(' ')}
              </Notice>
            )
          ) : preview ? (
            <>
              <p>
                {preview.previousVersion === null
                  ? 'This will be the first published version.'
                  : `Changes since version ${preview.previousVersion}:`}
              </p>
              <ul data-testid="publish-diff">
                {preview.diff.lines.length === 0 ? (
                  <li>No changes.</li>
                ) : (
                  preview.diff.lines.map((line, i) => <li key={i}>{line}</li>)
                )}
              </ul>
              {blockers.length > 0 ? (
                <Notice tone="error">Fix these first: {blockers.map((b) => b.message).join(' ')}</Notice>
              ) : (
                <publisher.Form
                  method="post"
                  className="stack"
                  onSubmit={(event) => {
                    publishedFlow.current = String(new FormData(event.currentTarget).get('flow'));
                  }}
                >
                  <input type="hidden" name="csrf" value={csrf} />
                  <input type="hidden" name="intent" value="publish" />
                  <input type="hidden" name="flow" value={JSON.stringify(current.current)} />
                  <label className="check">
                    <input
                      type="checkbox"
                      name="retroactive"
                      data-testid="retroactive"
                      checked={retroactive}
                      onChange={(e) => setRetroactive(e.target.checked)}
                      disabled={!preview.retroactive}
                    />{' '}
                    Also apply to people already handled
                    {preview.retroactive ? ` (${preview.retroactive.touched} would be acted on)` : ''}
                  </label>
                  {retroactive && preview.retroactive ? (
                    <Notice tone="info">
                      <span data-testid="retroactive-confirm">
                        This applies the new version to <strong>{preview.retroactive.touched}</strong>{' '}
                        {preview.retroactive.touched === 1 ? 'person' : 'people'} already handled, per a dry
                        run over {preview.retroactive.over}
                        {Object.entries(preview.retroactive.counts).some(
                          ([o, n]) => n > 0 && o !== 'noAction' && o !== 'other',
                        )
                          ? `: ${Object.entries(preview.retroactive.counts)
                              .filter(([o, n]) => n > 0 && o !== 'noAction' && o !== 'other')
                              .map(([o, n]) => `${n} ${OUTCOME_WORDS[o]}`)
                              .join(', ')}`
                          : ''}
                        . Without it, only new events are evaluated.
                      </span>
                    </Notice>
                  ) : (
                    <p className="small muted">Without it, only new events are evaluated.</p>
                  )}
                  <button type="submit" className="button primary" data-testid="confirm-publish">
                    {retroactive && preview.retroactive
                      ? `Publish version ${(preview.previousVersion ?? 0) + 1} and apply to ${preview.retroactive.touched} ${preview.retroactive.touched === 1 ? 'person' : 'people'}`
                      : `Publish version ${(preview.previousVersion ?? 0) + 1}`}
                  </button>
                </publisher.Form>
              )}
            </>
          ) : null}
          <button type="button" className="button link" onClick={() => setPublishOpen(false)}>
            Close
          </button>
        </section>
      ) : null}

      <section className="panel" aria-labelledby="versions-heading">
        <h2 id="versions-heading">Version history</h2>
        {versions.length === 0 ? (
          <p className="muted" data-testid="unpublished-default">
            Nothing published yet: the autopilot uses the default flow (approve good matches, then export
            {exportsAt ? (
              <>
                {' '}
                at “{exportsAt}”, the stage the <Link to={`/jobs/${job.id}/stages`}>stage mapping</Link>{' '}
                suggests until an admin saves it
              </>
            ) : null}
            ).
          </p>
        ) : (
          <ol className="versions" data-testid="versions">
            {versions.map((v) => (
              <li key={v.version}>
                <Badge tone="info">v{v.version}</Badge> {when(v.publishedAt)} by {v.publishedBy}{' '}
                <code className="small">{v.hash}</code>
                {v.retroactive ? <Badge tone="warn">retroactive</Badge> : null}
                {v.lines.length > 0 ? (
                  <ul className="small">
                    {v.lines.map((line, i) => (
                      <li key={i}>{line}</li>
                    ))}
                  </ul>
                ) : null}
              </li>
            ))}
          </ol>
        )}
      </section>
    </main>
  );
}

export { ErrorBoundary } from '../components/route-error';
