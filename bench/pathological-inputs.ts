// What an applicant's file or an uploaded list can do to Pilothouse: `npm run bench:pathological`.
// Each case runs in a child process of its own with a deadline, so a case that would block for
// minutes is reported as "over the deadline" instead of stalling the run. Prints figures only;
// the tests assert the behaviour (completes, bounded, fails with a reason), never a time.
import { spawnSync } from 'node:child_process';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as pathologicalInputs from '../test/fixtures/pathological-inputs';

const DEADLINE_S = Number(process.env.BENCH_DEADLINE_S ?? 120);

/** What each post case measures: training a welder's job profile from the post's HTML. */
async function requirementsFromPost(content: string): Promise<string> {
  const { trainJobProfile } = await import('../matching');
  const profile = trainJobProfile({
    job: { jobId: 'w', title: 'Welder', offices: ['Houston, TX'] },
    post: { title: 'Welder', content },
  });
  return `${profile.requirements.length} requirements`;
}

const cases: Record<string, { what: string; run: () => Promise<string> }> = {
  'csv-400k-quotes': {
    what: 'people list, 400 KB quote CSV',
    run: async () => {
      const { readPeopleList } = await import('../sourcing/people-list');
      const result = await readPeopleList({ fileName: 'list.csv', text: pathologicalInputs.quoteCsv() });
      return result.ok ? `${result.people.length} people` : `refused: ${result.errors[0]?.message}`;
    },
  },
  'blind-1m-token': {
    what: 'blinding a 1 M-char token resume',
    run: async () => {
      const { blindText } = await import('../matching/blind');
      return `${blindText(pathologicalInputs.tokenResume()).text.length} chars out`;
    },
  },
  'blind-unclosed-images': {
    what: 'blinding a resume of 100 000 unclosed "<img ![" openers (700 KB)',
    run: async () => {
      const { blindText } = await import('../matching/blind');
      return `${blindText(pathologicalInputs.unclosedImagesResume()).text.length} chars out`;
    },
  },
  'post-lead-in-spaces': {
    what: 'training a job profile from an unclosed bold lead-in followed by 200 000 spaces',
    run: () => requirementsFromPost(`<p><b>xx${' '.repeat(200_000)}y`),
  },
  'blind-hyphen-run': {
    what: 'blinding a resume of 100 000 "a-" (a web address that never ends)',
    run: async () => {
      const { blindText } = await import('../matching/blind');
      return `${blindText('a-'.repeat(100_000)).text.length} chars out`;
    },
  },
  'resume-1m-token': {
    what: 'reading + blinding a 1 M-char token .txt resume',
    run: async () => {
      const { readResume } = await import('../activities/autopilot/resume-reader');
      const { blindText } = await import('../matching/blind');
      const result = await readResume({
        fileName: 'resume.txt',
        bytes: new TextEncoder().encode(pathologicalInputs.tokenResume()),
      });
      return result.ok ? `${blindText(result.text).text.length} chars blinded` : `failed: ${result.reason}`;
    },
  },
  'post-1m-people': {
    what: 'training a job profile from a post whose requirements line is 1 MB of "people"',
    run: () => requirementsFromPost(pathologicalInputs.peopleLinePost()),
  },
  'post-nested-skills': {
    what: 'training a job profile from a 200 KB requirement line of "B2B SaaS sales" (a skill inside a skill, 40 000 mentions)',
    run: () =>
      requirementsFromPost(`<h3>Requirements</h3><p>${'B2B SaaS sales, SQL, CI/CD, '.repeat(7_200)}</p>`),
  },
  'post-unclosed-tags': {
    what: 'training a job profile from a post of 200 000 unclosed "<p " tags (600 KB)',
    run: () => requirementsFromPost(pathologicalInputs.unclosedTagsPost()),
  },
  'resume-docx-balloon': {
    what: 'reading a ~100 KB DOCX whose document tree outgrows the reader thread (default 256 MB heap)',
    run: async () => {
      const { readResume } = await import('../activities/autopilot/resume-reader');
      // 1.4 M paragraphs (~49 MB unzipped): just under the 50 MB unzip limit, past the default 256 MB heap.
      const result = await readResume({
        fileName: 'resume.docx',
        bytes: await pathologicalInputs.balloonDocx(1_400_000),
      });
      return result.ok ? `${result.text.length} chars read` : `failed: ${result.reason} (${result.message})`;
    },
  },
};

async function runOne(name: string) {
  const started = performance.now();
  const outcome = await cases[name]!.run();
  process.stdout.write(JSON.stringify({ ms: performance.now() - started, outcome }));
}

function main() {
  console.log(
    `machine: ${os.cpus().length} cores, load ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  console.log(`| case | input | time | outcome |\n| --- | --- | ---: | --- |`);
  for (const [name, { what }] of Object.entries(cases)) {
    if (process.argv[2] && process.argv[2] !== name) continue;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', fileURLToPath(import.meta.url), '--case', name],
      {
        timeout: DEADLINE_S * 1000,
        encoding: 'utf8',
        maxBuffer: 16 * 1024 * 1024,
      },
    );
    if (child.error || child.status !== 0) {
      const why =
        child.signal === 'SIGTERM' ? `over the ${DEADLINE_S} s deadline (stopped)` : child.stderr.slice(-300);
      console.log(`| ${name} | ${what} | > ${DEADLINE_S} s | ${why.trim()} |`);
      continue;
    }
    const { ms, outcome } = JSON.parse(child.stdout) as { ms: number; outcome: string };
    console.log(`| ${name} | ${what} | ${(ms / 1000).toFixed(2)} s | ${outcome} |`);
  }
}

if (process.argv[2] === '--case') await runOne(process.argv[3]!);
else main();
