import { describe, expect, it } from 'vitest';
import { trainJobProfile } from '../../../matching';
import { detectSkills } from '../../../matching/dictionary';
import { splitPostSections } from '../../../matching/job-post-html';
import { peopleLinePost, unclosedTagsPost } from '../../fixtures/pathological-inputs';

// Real Greenhouse posts introduce sections with bold lead-ins as often as with headings, and carry pay,
// location, schedule, physical demands and the EEO statement next to the requirements.

const post = `<p><strong>About Riverbend Medical</strong></p><p>A 300-bed teaching hospital.</p>
<p><strong>Position Summary:</strong> The ICU nurse cares for critically ill adults.</p>
<p><strong>Qualifications:</strong></p>
<ul><li>Active RN license</li><li>2+ years of ICU experience</li><li>BLS and ACLS certification</li></ul>
<p><strong>Physical Requirements:</strong> Lift up to 50 lbs and stand for 12-hour shifts.</p>
<p><strong>Pay Range:</strong> $48 – $62 per hour. Benefits include medical, dental and a 403(b).</p>
<p><strong>Location:</strong> Springfield, IL (on site)</p>
<p>Riverbend is an Equal Opportunity Employer without regard to race, religion or veteran status.</p>`;

describe('the post reader', () => {
  it('reads bold lead-ins as section headings and keeps their text in the section', () => {
    const sections = splitPostSections(post);
    const physical = sections.find((s) => s.heading === 'Physical Requirements');
    expect(physical).toMatchObject({
      kind: 'ignored',
      lines: ['Lift up to 50 lbs and stand for 12-hour shifts.'],
    });
    expect(sections.find((s) => s.heading === 'Qualifications')).toMatchObject({
      kind: 'must-have',
      lines: ['Active RN license', '2+ years of ICU experience', 'BLS and ACLS certification'],
    });
    expect(sections.find((s) => s.heading === 'Pay Range')?.kind).toBe('ignored');
    expect(sections.find((s) => s.heading === 'Location')?.kind).toBe('ignored');
  });

  it('takes no requirement from pay, location, physical demands, benefits or the EEO statement', () => {
    const profile = trainJobProfile({
      job: { jobId: 'icu', title: 'Registered Nurse, ICU', offices: ['Springfield, IL'] },
      post: { title: 'Registered Nurse, ICU', content: post },
    });
    const origins = profile.requirements.map((r) => r.origin.line ?? '').join('\n');
    expect(origins).not.toMatch(/lbs|\$48|403\(b\)|Equal Opportunity|on site/);
    expect(profile.keywords).not.toContain('lift');
    expect(profile.keywords).not.toContain('dental');
  });
});

describe('a short post with no headings before its lead-ins', () => {
  // The shape of many small companies' posts: the company in bold inside its first paragraph, the work told
  // to the reader in plain paragraphs wrapped across source lines, and only the asks under bold lead-ins.
  const onboarding = `<p><strong>Crewbase</strong> is field-service software for HVAC, plumbing and electrical
contractors: scheduling, dispatch, quotes and invoices.</p>
<p>As a Customer Onboarding Specialist you will run 15–20 new customer accounts at a time, from the kickoff
call to go-live in 30–60 days.</p>
<p>You will configure each account, import customers and price books from spreadsheets, and train office
staff and technicians over Zoom.</p>
<p><b>You have:</b> 2+ years onboarding or implementing B2B software for customers.</p>`;

  it('reads a paragraph wrapped across source lines as one line, and a bold name inside a sentence as no heading', () => {
    const sections = splitPostSections(onboarding);
    expect(sections.map((s) => s.heading)).not.toContain('Crewbase');
    expect(sections[0]).toMatchObject({
      kind: 'intro',
      lines: [
        'Crewbase is field-service software for HVAC, plumbing and electrical contractors: scheduling, dispatch, quotes and invoices.',
      ],
    });
  });

  it('takes the sentences telling the reader what they will do as the work of the job', () => {
    const work = splitPostSections(onboarding)
      .filter((s) => s.kind === 'responsibilities')
      .flatMap((s) => s.lines);
    expect(work).toEqual([
      'As a Customer Onboarding Specialist you will run 15–20 new customer accounts at a time, from the kickoff call to go-live in 30–60 days.',
      'You will configure each account, import customers and price books from spreadsheets, and train office staff and technicians over Zoom.',
    ]);
    const profile = trainJobProfile({
      job: { jobId: 'onboarding', title: 'Customer Onboarding Specialist', offices: ['Remote - US'] },
      post: { title: 'Customer Onboarding Specialist', content: onboarding },
    });
    expect(profile.keywords).toEqual(expect.arrayContaining(['configure', 'spreadsheet']));
    expect(profile.keywords).not.toContain('dispatch');
  });

  it('takes an opening sentence that says who is hired and for what as the work, beside the about-us one', () => {
    const sections =
      splitPostSections(`<p>Tessellate is a serverless Postgres platform used by 90,000 developers.
We're hiring our second UX researcher to study how developers build with our CLI, APIs, SDKs and docs.</p>
<p>Founded in 2019, we are a team of 80.</p><p><b>You have:</b> 3+ years of UX research.</p>`);
    expect(sections.find((s) => s.kind === 'responsibilities')?.lines).toEqual([
      "Tessellate is a serverless Postgres platform used by 90,000 developers. We're hiring our second UX researcher to study how developers build with our CLI, APIs, SDKs and docs.",
    ]);
    expect(sections.find((s) => s.kind === 'intro')?.lines).toEqual([
      'Founded in 2019, we are a team of 80.',
    ]);
  });

  it('reads "The opportunity" as the role, not about the company', () => {
    const sections = splitPostSections('<h3>The opportunity</h3><p>You will own our demand programs.</p>');
    expect(sections).toEqual([
      { kind: 'responsibilities', heading: 'The opportunity', lines: ['You will own our demand programs.'] },
    ]);
  });
});

describe('software words in a trade post', () => {
  it('reads "AWS D1.1" as a welding certification and "weld beams" as steel, not as AWS and Apache Beam', () => {
    const profile = trainJobProfile({
      job: { jobId: 'welder', title: 'Structural Welder', offices: ['Houston, TX'] },
      post: {
        title: 'Structural Welder',
        content: `<h2>Responsibilities</h2><ul><li>Weld beams, columns and braces with FCAW and SMAW</li></ul>
<h2>Requirements</h2><ul><li>Current AWS D1.1 certification (3G and 4G)</li><li>Able to read blueprints</li></ul>`,
      },
    });
    const skills = profile.requirements.filter((r) => r.kind === 'skill').map((r) => r.id);
    expect(skills).not.toContain('skill:aws');
    expect(skills).not.toContain('skill:flink');
  });

  it('still reads AWS the cloud and Apache Beam in a software post', () => {
    const profile = trainJobProfile({
      job: { jobId: 'data', title: 'Data Engineer', offices: ['Remote'] },
      post: {
        title: 'Data Engineer',
        content: `<h3>Requirements</h3><ul><li>AWS (S3, Glue)</li><li>Streaming pipelines in Beam or Flink</li></ul>`,
      },
    });
    const skills = profile.requirements.filter((r) => r.kind === 'skill').map((r) => r.id);
    expect(skills).toEqual(expect.arrayContaining(['skill:aws', 'skill:flink']));
  });
});

describe('a firmware post', () => {
  const profile = trainJobProfile({
    job: { jobId: 'fw', title: 'Embedded Firmware Engineer', offices: ['Austin, TX'] },
    post: {
      title: 'Embedded Firmware Engineer',
      content: `<h3>Requirements</h3><ul>
        <li>4+ years developing production firmware in C for microcontrollers</li>
        <li>Experience with an RTOS (FreeRTOS, Zephyr, ThreadX) and low-level peripheral drivers</li>
        <li>IEC 62304 Class C software lifecycle (we will train you)</li>
        <li>Confidence with lab equipment; oscilloscope experience is a big plus</li></ul>`,
    },
  });

  it('reads the C language and the years asked for from "4+ years developing production firmware in C"', () => {
    expect(profile.requirements.find((r) => r.kind === 'skill' && r.label === 'C')).toMatchObject({
      importance: 'must',
    });
    expect(profile.requirements.find((r) => r.kind === 'years-of-experience')).toMatchObject({ minYears: 4 });
  });

  it('takes named examples in parentheses as alternatives, and leaves out what the post calls a plus', () => {
    const phrases = profile.requirements.flatMap((r) => (r.kind === 'topic' ? r.phrases : []));
    expect(phrases).toEqual(expect.arrayContaining(['rtos', 'freertos', 'zephyr', 'threadx']));
    expect(phrases.join(' | ')).not.toMatch(/oscilloscope/);
  });

  it('does not read a grade, a class, a vitamin or an initial as the C language', () => {
    const c = (line: string) => detectSkills(line).some((s) => s.entry.id === 'c');
    expect(c('Embedded C on STM32; C/C++, Python')).toBe(true);
    for (const line of [
      'IEC 62304 Class C software',
      'Vitamin C, zinc',
      'John C. Smith',
      'C-suite',
      'C# and .NET',
    ])
      expect(c(line), line).toBe(false);
  });
});

describe('a paragraph after the last list', () => {
  it('takes no requirement from "Offices: London, Berlin. We welcome applicants of every background."', () => {
    const profile = trainJobProfile({
      job: { jobId: 'de', title: 'Staff Data Engineer', offices: ['London', 'Berlin'] },
      post: {
        title: 'Staff Data Engineer',
        content: `<h3>Nice to have</h3><ul><li>Terraform</li></ul>
          <p>Offices: London, Berlin. We welcome applicants of every background.</p>`,
      },
    });
    const topics = profile.requirements.filter((r) => r.kind === 'topic').map((r) => r.label);
    expect(topics.join(' | ')).not.toMatch(/offices|welcome/i);
  });
});

describe('requirements written as one sentence of items', () => {
  const profile = trainJobProfile({
    job: { jobId: 'lab', title: 'Medical Laboratory Scientist', offices: ['Omaha, NE'] },
    post: {
      title: 'Medical Laboratory Scientist',
      content: `<h3>Requirements</h3><ul>
<li>ASCP certification; SQL, call center software preferred</li>
<li>New graduates welcome; 1+ year of hospital laboratory experience preferred</li>
<li>Certifications such as MB(ASCP) or SBB are welcome, but not required</li>
<li>$24 – $30 per hour, depending on certification</li>
<li>Python (our instrument scripts run on it)</li>
<li>State licensure; applicants with a foreign MLS credential will be considered</li>
</ul>`,
    },
  });
  const requirement = (pattern: RegExp) => profile.requirements.find((r) => pattern.test(r.label));

  it('judges each item on its own: one item\'s "preferred" does not make the others optional', () => {
    expect(requirement(/ascp certification/i)).toMatchObject({ kind: 'topic', importance: 'must' });
    expect(requirement(/^SQL$/)).toMatchObject({ importance: 'nice' });
  });

  it('takes no requirement from an invitation, but keeps what the post calls welcome as a plus', () => {
    expect(profile.requirements.map((r) => r.label).join(' | ')).not.toMatch(/graduates/i);
    expect(requirement(/sbb/i)).toMatchObject({ importance: 'nice' });
    expect(requirement(/state licensure/i)).toMatchObject({ importance: 'must' });
    expect(requirement(/foreign mls credential/i)).toMatchObject({ importance: 'nice' });
  });

  it('reads the rest of the list after a pay line inside it', () => {
    expect(requirement(/^Python$/)).toMatchObject({ importance: 'must' });
  });
});

describe('a requirement with pay in an aside', () => {
  it('still asks for what it names: "Bilingual English/Spanish preferred (differential of $1.25/hour)"', () => {
    const profile = trainJobProfile({
      job: { jobId: 'ma', title: 'Medical Assistant', offices: ['Sacramento, CA'] },
      post: {
        title: 'Medical Assistant',
        content: `<h3>What you bring</h3><ul><li>Current BLS</li>
<li>Bilingual English/Spanish strongly preferred (bilingual differential of $1.25/hour)</li></ul>`,
      },
    });
    expect(profile.requirements.find((r) => r.label === 'Spanish')).toMatchObject({ importance: 'nice' });
    expect(profile.requirements.find((r) => r.kind === 'title')?.label).toBe('Medical Assistant');
  });
});

describe('a technical account manager post that rules out quota', () => {
  const title = 'Technical Account Manager – Enterprise Shippers';
  const profile = trainJobProfile({
    job: { jobId: 'tam', title, offices: ['Chicago, IL'] },
    post: {
      title,
      content: `<p><strong>What you'll need</strong></p>
<ul><li>4+ years in a technical, customer-facing role at a B2B software company</li>
<li>Comfort with APIs and writing SQL queries</li></ul>
<p>This is not a sales role and carries no quota, though we expect you to spot opportunities to expand.</p>`,
    },
  });
  const labels = profile.requirements.map((r) => r.label).join(' | ');

  it('asks for nothing the post rules out: no quota, and no topic made of the sentence that says so', () => {
    expect(labels).not.toMatch(/quota|opportunities/i);
    expect(profile.requirements.find((r) => r.label === 'SQL')).toMatchObject({ importance: 'must' });
  });

  it('names the title as the post does, while any title of its family still meets it', () => {
    const titleRequirement = profile.requirements.find((r) => r.kind === 'title');
    expect(titleRequirement?.label).toBe('Technical Account Manager');
    expect(titleRequirement).toMatchObject({ terms: expect.arrayContaining(['customer success manager']) });
  });
});

describe('a title that names different work by trade', () => {
  const titleOf = (title: string) =>
    trainJobProfile({ job: { jobId: 'am', title, offices: ['Haslet, TX'] }, post: { title, content: '' } })
      .requirements;

  it('reads "Area Manager" of a ship dock as a warehouse manager, asked for by the post\'s words', () => {
    const requirements = titleOf('Area Manager, Outbound Ship Dock - Nights (Sun-Wed)');
    const title = requirements.find((r) => r.kind === 'title');
    expect(title).toMatchObject({ id: 'title:warehouse-supervisor', label: 'Area Manager' });
    expect(title).toMatchObject({ terms: expect.arrayContaining(['area manager', 'warehouse manager']) });
    // The outbound dock ships freight; it asks for no sales prospecting.
    expect(requirements.map((r) => r.id)).not.toContain('skill:pipeline-generation');
  });

  it('keeps "Area Manager" of stores a district manager, and "outbound" of a sales post a pipeline skill', () => {
    expect(titleOf('Area Manager, Retail Stores').find((r) => r.kind === 'title')?.id).toBe(
      'title:district-manager',
    );
    expect(titleOf('SDR, Outbound').map((r) => r.id)).toContain('skill:pipeline-generation');
  });
});

describe('a cath lab post and an HVAC post', () => {
  const profileOf = (title: string, office: string, content: string) =>
    trainJobProfile({ job: { jobId: 'x', title, offices: [office] }, post: { title, content } });

  it('reads "What you need" as the requirements, and a hybrid OR as a room, not a way of working', () => {
    const profile = profileOf(
      'Registered Nurse - Cardiac Cath Lab',
      'Omaha, NE',
      `<p>Four cath labs, two EP labs and a hybrid OR we share with cardiac surgery.</p>
<h3>What you need</h3><ul><li>BLS and ACLS at hire</li></ul>`,
    );
    expect(profile.requirements.find((r) => r.label === 'bls / acls at hire')).toMatchObject({
      importance: 'must',
    });
    expect(profile.requirements.find((r) => r.kind === 'location')?.label).toBe('Onsite in Omaha, NE');
    expect(
      profileOf(
        'Analyst',
        'Columbus, OH',
        '<p>Hybrid: in our office three days a week.</p>',
      ).requirements.find((r) => r.kind === 'location')?.label,
    ).toBe('Hybrid in Columbus, OH');
  });

  it('asks an HVAC technician for no R from "R-410A", and nothing from what the employer supplies', () => {
    const profile = profileOf(
      'HVAC Service Technician',
      'Phoenix, AZ',
      `<h3>The job</h3><ul><li>Recover and charge refrigerant (R-410A, R-22)</li></ul>
<h3>What you need</h3><ul><li>EPA Section 608 Universal certification</li>
<li>We supply gauges, recovery machines and vacuum pumps</li></ul>`,
    );
    const labels = profile.requirements.map((r) => r.label);
    expect(labels).not.toContain('R');
    expect(labels.join(' | ')).not.toMatch(/gauges/);
    expect(labels).toContain('epa section 608 universal certification');
  });
});

describe('a denial reaches only the skill it speaks of', () => {
  it('keeps a skill the line asks for before a "no" about something else', () => {
    const title = 'Backend Engineer';
    const profile = trainJobProfile({
      job: { jobId: 'be', title, offices: ['Remote'] },
      post: {
        title,
        content: `<h3>Requirements</h3><ul><li>Kubernetes in production, no on-call rotation</li>
<li>You don't need Kafka experience</li></ul>`,
      },
    });
    const labels = profile.requirements.map((r) => r.label);
    expect(labels).toContain('Kubernetes');
    expect(labels).not.toContain('Kafka');
    expect(labels.join(' | ')).not.toMatch(/on-call|incident/i);
  });
});

describe('a hostile post', () => {
  it('is read to the end when its requirements line is 1 MB of "people" with no full stop', () => {
    const profile = trainJobProfile({
      job: { jobId: 'w', title: 'Structural Welder', offices: ['Houston, TX'] },
      post: { title: 'Structural Welder', content: peopleLinePost() },
    });
    expect(profile.requirements.map((r) => r.kind)).toEqual(['title', 'location']);
  });

  it('is read to the end when it holds 200 000 unclosed tags, and what came before them still counts', () => {
    const [requirements] = splitPostSections(unclosedTagsPost());
    expect(requirements?.kind).toBe('must-have');
    expect(requirements?.lines[0]).toBe('Welding');
    // The unclosed tags are text, kept (a tag without its ">" is not markup).
    expect(requirements?.lines[1]?.length).toBeGreaterThan(500_000);
  });
});
