import { Form, Link, useNavigation } from 'react-router';
import type { Route } from './+types/job-import';
import { CsrfInput } from '../components/csrf';
import { Notice, PageHeader } from '../components/ui';
import { requireMutation, requireUser } from '../server/auth.server';
import { assertJobVisible } from '../server/greenhouse.server';
import { parseJobId, requireJob } from '../server/jobs.server';
import { importUpload } from '../server/sourcing.server';

const EXAMPLE = `First name,Last name,Email,LinkedIn URL,Title,Company,Location,Skills,Past jobs,Education,Resume text
Ada,Okafor,ada@example.com,linkedin.com/in/ada-okafor,Senior Backend Engineer,Parcelly,Berlin,Go; Kubernetes,Senior Backend Engineer at Parcelly (2021–present); Backend Engineer at Shipfast (2016–2021),"University of Waterloo — Bachelor's Degree, Computer Science (2012–2016)","8 years building…"`;

export function meta({ loaderData }: Route.MetaArgs) {
  return [{ title: `Import people · ${loaderData?.job.name ?? 'Job'} · Pilothouse` }];
}

export async function loader({ request, params, context }: Route.LoaderArgs) {
  const user = await requireUser(request, context, ['recruiter']);
  const jobId = parseJobId(params.jobId);
  const job = await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  return { job: { id: job.id, name: job.name } };
}

export async function action({ request, params, context }: Route.ActionArgs) {
  const { user, form } = await requireMutation(request, context, ['recruiter']);
  const jobId = parseJobId(params.jobId);
  await requireJob(context, jobId);
  await assertJobVisible(context, user, jobId);
  return importUpload(context, { jobId, file: form.get('file'), user });
}

export default function JobImport({ loaderData, actionData }: Route.ComponentProps) {
  const { job } = loaderData;
  const navigation = useNavigation();
  const uploading = navigation.state === 'submitting';
  return (
    <main className="page">
      <PageHeader
        title={`Import people into ${job.name}`}
        actions={<Link to={`/jobs/${job.id}`}>Back to the job</Link>}
      >
        A list from a sourcing tool, an event or a referral spreadsheet. Each person is looked up in
        Greenhouse by email and LinkedIn URL, scored against the job and put through its rules.
      </PageHeader>

      {actionData?.ok ? (
        <Notice tone="success">
          <span data-testid="import-result">
            {actionData.fileName}: {actionData.result.added} added to the job
            {actionData.result.alreadyOnJob > 0
              ? `, ${actionData.result.alreadyOnJob} already on it (left as they were)`
              : ''}
            .{' '}
            {actionData.autopilotNotified
              ? 'The autopilot is looking them up in Greenhouse and scoring them now.'
              : 'They will be scored when the job’s autopilot next runs.'}
          </span>{' '}
          <Link
            to={`/jobs/${job.id}?${new URLSearchParams({ from: actionData.fileName }).toString()}`}
            data-testid="see-imported"
          >
            See them on the job
          </Link>
        </Notice>
      ) : null}

      {actionData && !actionData.ok ? (
        <div role="alert" className="panel">
          <Notice tone="error">
            {actionData.fileName ? `${actionData.fileName} was not imported` : 'Nothing was imported'}
            {' — fix these and upload it again (no one from the file was added):'}
          </Notice>
          <table className="table" data-testid="import-errors">
            <thead>
              <tr>
                <th scope="col">Row</th>
                <th scope="col">Problem</th>
              </tr>
            </thead>
            <tbody>
              {actionData.errors.map((problem, i) => (
                <tr key={i}>
                  <td>{problem.row ?? 'file'}</td>
                  <td>{problem.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      {actionData && actionData.warnings.length > 0 ? (
        <Notice tone="info">
          {actionData.warnings.map((w) => (w.row ? `Row ${w.row}: ${w.message}` : w.message)).join(' ')}
        </Notice>
      ) : null}

      <Form method="post" encType="multipart/form-data" className="panel form">
        <CsrfInput />
        <label htmlFor="people-file">
          <strong>CSV or JSON file</strong> (up to 5 MB and 2,000 people)
        </label>
        <input
          id="people-file"
          name="file"
          type="file"
          accept=".csv,.json,text/csv,application/json"
          required
        />
        <div>
          <button type="submit" className="button primary" disabled={uploading}>
            {uploading ? 'Importing…' : 'Import people'}
          </button>
        </div>
      </Form>

      <details className="panel">
        <summary>What the file should look like</summary>
        <p>
          One person per row with a header row. Needed: a name (<code>Name</code>, or <code>First name</code>{' '}
          and <code>Last name</code>) and an <code>Email</code> or a <code>LinkedIn URL</code>. Also read:{' '}
          <code>Title</code>, <code>Company</code>, <code>Location</code>, <code>Phone</code>,{' '}
          <code>Skills</code> (separated by ;), <code>Past jobs</code> (each “Title at Company (2016–2021)”,
          separated by ;, sent to Greenhouse as the candidate’s work history when Pilothouse creates them;
          list the current job too, with its start year — “Title at Company (2021–present)” — because
          Greenhouse shows the latest employment as the candidate’s title and company, so past jobs without it
          are held back), <code>Education</code> (each “School — Degree, Discipline (2012–2016)”, separated by
          ;: the school alone, or one of degree and discipline, will do; “(2016)” is the year they finished,
          “(2023–present)” still studying; sent to Greenhouse as the candidate’s education when Pilothouse
          creates them, a school, degree or discipline Greenhouse’s lists do not have left out and said on the
          person’s Why? page) and <code>Resume text</code>. Other columns are ignored. JSON: an array of
          objects with the same keys, or <code>{'{ "people": [...] }'}</code>.
        </p>
        <pre>{EXAMPLE}</pre>
      </details>
    </main>
  );
}
