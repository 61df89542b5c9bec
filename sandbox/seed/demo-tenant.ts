import type { Application, Candidate, Job } from '../../greenhouse/schemas';
import { emptyTenant, nextId, type TenantState } from '../state/types';
import { addApplication, addCandidate, addJob, enterStage, jobStages } from '../tenant/records';
import { jobCatalogue, jobPostHtml, type JobTemplate } from './job-catalogue';
import { candidateTags, cities, companies, emailDomains, firstNames, lastNames } from './people';
import { seedEducationDictionaries } from './education-dictionaries';
import { createPrng, type Prng } from './prng';
import { resumeText, type ResumeFit } from './resumes';
import { textPdf } from './text-pdf';

export const demoCompanyName = 'Tidewater Freight';

export interface DemoTenantOptions {
  seed: number;
  /** Existing candidates (default 300). */
  candidates?: number;
  /** Generated dates lie before this instant (default: start of the current UTC day). */
  anchor?: Date;
}

/** Ids the tests and the demo script refer to by role. */
export interface DemoPeople {
  siteAdminId: number;
  jobAdminIds: [number, number];
  serviceAccountId: number;
}

const dayMs = 86_400_000;

/**
 * A believable Greenhouse account, identical for identical options: departments, offices, 7–10
 * jobs with posts and interview plans, a site admin, two job admins and a service account,
 * sources (one is "Pilothouse"), rejection and close reasons, custom fields, prospect pools and a
 * few hundred candidates — some sharing an email, many with LinkedIn profiles.
 */
export function generateDemoTenant(options: DemoTenantOptions): TenantState {
  const rng = createPrng(options.seed);
  const anchor = options.anchor ?? new Date(Math.floor(Date.now() / dayMs) * dayMs);
  // Greenhouse never reports a change in the future: today's jittered times stop at the moment the
  // account is made (with an explicit anchor, tests get exactly the same account every time).
  const latest = options.anchor ? Number.POSITIVE_INFINITY : Date.now();
  const daysAgo = (days: number, jitterMs = 0) =>
    new Date(Math.min(anchor.getTime() - days * dayMs + jitterMs, latest)).toISOString();
  const setupAt = daysAgo(400);
  const state = emptyTenant(options.seed);

  const departments = new Map<string, number>();
  for (const name of ['Engineering', 'Sales', 'Design', 'Product', 'Customer Success', 'People']) {
    const id = nextId(state, 'departments');
    departments.set(name, id);
    state.departments.push({
      id,
      created_at: setupAt,
      updated_at: setupAt,
      name,
      parent_id: null,
      external_id: `dept-${id}`,
    });
  }
  const offices = new Map<string, number>();
  const officeLocations: Record<string, string> = {
    'San Francisco': 'San Francisco, CA, United States',
    'New York': 'New York, NY, United States',
    Chicago: 'Chicago, IL, United States',
    'Remote (US)': 'United States',
    Toronto: 'Toronto, ON, Canada',
    London: 'London, United Kingdom',
    Berlin: 'Berlin, Germany',
    Lisbon: 'Lisbon, Portugal',
  };
  for (const [name, location] of Object.entries(officeLocations)) {
    const id = nextId(state, 'offices');
    offices.set(name, id);
    state.offices.push({
      id,
      created_at: setupAt,
      updated_at: setupAt,
      name,
      parent_id: null,
      external_id: `office-${id}`,
      location,
      primary_in_house_contact_user_id: null,
    });
  }

  const role = (name: string, role_type: 'site_admin' | 'job_admin' | 'deprecated_interviewer') => {
    const id = nextId(state, 'user_roles');
    state.user_roles.push({ id, created_at: setupAt, updated_at: setupAt, name, role_type });
    return id;
  };
  role('Site Admin', 'site_admin');
  const recruiterRole = role('Recruiter', 'job_admin');
  const hiringManagerRole = role('Hiring Manager', 'job_admin');
  role('Interviewer', 'deprecated_interviewer');

  const addUser = (first: string, last: string, title: string, siteAdmin: boolean, dept: string[]) => {
    const id = nextId(state, 'users');
    const email = `${first}.${last}@tidewaterfreight.example`.toLowerCase().replace(/\s+/g, '');
    state.users.push({
      id,
      created_at: setupAt,
      updated_at: setupAt,
      first_name: first,
      last_name: last,
      name: `${first} ${last}`,
      primary_email: email,
      emails: [email],
      job_title: title,
      agency_id: null,
      deactivated: false,
      site_admin: siteAdmin,
      employee_id: `E-${id % 100_000}`,
      linked_candidate_ids: [],
      office_ids: [],
      department_ids: dept.map((d) => departments.get(d) as number),
      interviewer_tags: [],
      custom_fields: {},
    });
    return id;
  };
  const siteAdminId = addUser('Alex', 'Rivera', 'Head of Talent', true, []);
  const engineeringRecruiterId = addUser('Priya', 'Natarajan', 'Technical Recruiter', false, ['Engineering']);
  const gtmHiringManagerId = addUser('Marcus', 'Chen', 'Director of Sales', false, [
    'Sales',
    'Customer Success',
  ]);
  const serviceAccountId = addUser('Pilothouse', 'Integration', 'Integration user', false, []);
  state.service_account_user_ids.push(serviceAccountId);
  const formerUserId = addUser('Jordan', 'Blake', 'Recruiter (left)', false, ['Design']);
  const former = state.users.find((user) => user.id === formerUserId);
  if (former) former.deactivated = true;

  // Priya gets every future Engineering job automatically.
  state.future_job_permissions.push({
    id: nextId(state, 'future_job_permissions'),
    created_at: setupAt,
    updated_at: setupAt,
    user_id: engineeringRecruiterId,
    role_id: recruiterRole,
    department_id: departments.get('Engineering') ?? null,
    office_id: null,
  });

  const sourceTypes = {
    prospecting: { id: 1, name: 'Prospecting' },
    jobBoard: { id: 2, name: 'Job Board' },
    referral: { id: 3, name: 'Referral' },
    company: { id: 4, name: 'Company marketing' },
    agency: { id: 5, name: 'Agencies' },
    thirdParty: { id: 6, name: 'Third-party boards' },
  };
  const sourceIds: number[] = [];
  for (const [name, type] of [
    ['Pilothouse', sourceTypes.prospecting],
    ['LinkedIn (Prospecting)', sourceTypes.prospecting],
    ['Jobs page on your website', sourceTypes.company],
    ['Employee Referral', sourceTypes.referral],
    ['Indeed', sourceTypes.jobBoard],
    ['Wellfound', sourceTypes.thirdParty],
    ['Northstar Talent Partners', sourceTypes.agency],
  ] as const) {
    const id = nextId(state, 'sources');
    sourceIds.push(id);
    state.sources.push({ id, created_at: setupAt, updated_at: setupAt, name, type });
  }
  const inboundSources = sourceIds.slice(2);

  const reasonTypes = {
    weRejected: { id: 1, key: 'we_rejected_them', name: 'We rejected them' },
    theyRejected: { id: 2, key: 'they_rejected_us', name: 'They rejected us' },
    none: { id: 3, key: 'none_specified', name: 'None specified' },
  };
  const rejectionReasonIds: number[] = [];
  for (const [name, type, isDefault] of [
    ['Lacking skill(s)/qualification(s)', reasonTypes.weRejected, true],
    ['Not a cultural fit', reasonTypes.weRejected, true],
    ["Wasn't interested", reasonTypes.theyRejected, true],
    ["Didn't like offer", reasonTypes.theyRejected, true],
    ['Compensation expectations above band', reasonTypes.weRejected, false],
    ['Location or work authorization', reasonTypes.weRejected, false],
    ['Hired another candidate', reasonTypes.weRejected, false],
    ['Withdrew: accepted another offer', reasonTypes.theyRejected, false],
    ['Duplicate or spam application', reasonTypes.none, false],
  ] as const) {
    const id = nextId(state, 'rejection_reasons');
    rejectionReasonIds.push(id);
    state.rejection_reasons.push({ id, created_at: setupAt, updated_at: setupAt, name, type });
    if (isDefault) state.default_rejection_reason_ids.push(id);
  }
  for (const name of ['Hire - New Headcount', 'Hire - Backfill', 'Position cancelled']) {
    state.close_reasons.push({
      id: nextId(state, 'close_reasons'),
      created_at: setupAt,
      updated_at: setupAt,
      name,
    });
  }

  const customField = (
    name: string,
    name_key: string,
    field_type: 'job' | 'candidate' | 'application',
    value_type: 'short_text' | 'single_select' | 'number' | 'url',
  ) => {
    state.custom_fields.push({
      id: nextId(state, 'custom_fields'),
      created_at: setupAt,
      updated_at: setupAt,
      name,
      name_key,
      field_type,
      value_type,
      sort_order: state.custom_fields.length,
      private: false,
      required: false,
      require_approval: false,
      trigger_new_version: false,
      active: true,
      updated_by_id: null,
      internal_type: null,
      expose_in_job_board_api: false,
      placeholder: null,
      description: null,
      application_type: field_type === 'application' ? 'all_applications' : null,
      api_only: false,
      use_for_job_approvals: false,
      use_for_offer_approvals: false,
      template_token_string: null,
      default_value: null,
    });
  };
  customField('Employment Type', 'employment_type', 'job', 'single_select');
  customField('Level', 'level', 'job', 'short_text');
  customField('Desired Salary', 'desired_salary', 'candidate', 'short_text');
  customField('Pilothouse Match Score', 'pilothouse_match_score', 'application', 'number');
  customField('Pilothouse Profile', 'pilothouse_profile', 'application', 'url');
  seedEducationDictionaries(state, setupAt);

  // Jobs: 7–10 of the catalogue, the confidential executive search always among them.
  const jobCount = rng.int(7, jobCatalogue.length);
  const confidential = jobCatalogue.filter((template) => template.confidential);
  const others = rng.sample(
    jobCatalogue.filter((template) => !template.confidential),
    jobCount - confidential.length,
  );
  const templates = [...others, ...confidential];
  const jobs: { job: Job; applicantTitles: string[]; template: JobTemplate }[] = [];
  templates.forEach((template, index) => {
    const openedDaysAgo = rng.int(20, 160);
    const status: Job['status'] = index === 1 ? 'draft' : index === 2 ? 'closed' : 'open';
    const job = addJob(
      state,
      {
        name: template.title,
        department_id: departments.get(template.department) ?? null,
        office_ids: template.offices.map((office) => offices.get(office) as number),
        confidential: template.confidential ?? false,
        status,
        requisition_id: `REQ-${1000 + index * 7}`,
        custom_fields: {
          employment_type: { name: 'Employment Type', type: 'single_select', value: 'Full-time' },
          level: {
            name: 'Level',
            type: 'short_text',
            value: template.title.startsWith('Senior') ? 'L5' : 'L4',
          },
        },
      },
      daysAgo(openedDaysAgo),
      template.interviewPlan,
    );
    if (status === 'closed') job.closed_at = daysAgo(rng.int(1, 10));
    const publishedAt = daysAgo(openedDaysAgo - 1);
    const post = (title: string, active: boolean, live: boolean, internal: boolean) => {
      const id = nextId(state, 'job_posts');
      state.job_posts.push({
        id,
        created_at: publishedAt,
        updated_at: publishedAt,
        title,
        internal,
        active,
        live,
        featured: false,
        first_published_at: live ? publishedAt : null,
        content: jobPostHtml(template, demoCompanyName),
        language: 'en',
        public_url: live ? `https://job-boards.greenhouse.io/tidewaterfreight/jobs/${id}` : null,
        demographic_question_set_id: null,
        job_id: job.id,
        job_board_id: internal ? 2 : 1,
        questions: [
          {
            id: null,
            description: null,
            answer_type: 'short_text',
            required: true,
            private: false,
            label: 'First Name',
            name: 'first_name',
            options: [],
          },
          {
            id: null,
            description: null,
            answer_type: 'short_text',
            required: true,
            private: false,
            label: 'Last Name',
            name: 'last_name',
            options: [],
          },
          {
            id: null,
            description: null,
            answer_type: 'attachment',
            required: false,
            private: false,
            label: 'Resume/CV',
            name: 'resume',
            options: [],
          },
          {
            id: null,
            description: null,
            answer_type: 'short_text',
            required: false,
            private: false,
            label: 'LinkedIn Profile',
            name: 'question_linkedin',
            options: [],
          },
        ],
      });
    };
    post(template.title, true, status === 'open', false);
    if (rng.chance(0.4)) post(`${template.title} (internal)`, true, status === 'open', true);
    // An old, deactivated post: hidden by default, the trap a sync must not fall into.
    if (rng.chance(0.5)) post(`${template.title} — 2024 posting`, false, false, false);
    for (let opening = 0; opening < (rng.chance(0.3) ? 2 : 1); opening++) {
      state.openings.push({
        id: nextId(state, 'openings'),
        job_id: job.id,
        status: 'open',
        application_id: null,
        close_reason_id: null,
      });
    }
    jobs.push({ job, applicantTitles: template.applicantTitles, template });
  });

  // Job permissions: Priya's come from her future permission (Engineering); Marcus holds the
  // go-to-market jobs and one design job; the site admin sits on the confidential search.
  const grant = (userId: number, jobId: number, roleId: number) =>
    state.user_job_permissions.push({
      id: nextId(state, 'user_job_permissions'),
      created_at: setupAt,
      updated_at: setupAt,
      job_id: jobId,
      user_id: userId,
      role_id: roleId,
      automated: false,
    });
  for (const { job } of jobs) {
    const department = state.departments.find((d) => d.id === job.department_id)?.name;
    if (department === 'Sales' || department === 'Customer Success' || department === 'Design') {
      grant(gtmHiringManagerId, job.id, hiringManagerRole);
    }
    if (job.confidential) grant(siteAdminId, job.id, hiringManagerRole);
  }
  // Hiring teams: each job has a recruiter, a coordinator and a hiring manager, chosen among the people
  // whose job permissions reach it (Greenhouse only puts someone with access on a team). Priya recruits
  // for Engineering and Marcus is the hiring manager of the jobs he holds; Alex, the Head of Talent and
  // a site admin, coordinates every job and fills the roles nobody else can reach. Ids come from their
  // own ranges and no random draw is spent, so the rest of the account is as it was before teams.
  for (const { job } of jobs) {
    const department = state.departments.find((d) => d.id === job.department_id)?.name;
    const permitted = (userId: number) =>
      state.user_job_permissions.some((p) => p.job_id === job.id && p.user_id === userId);
    const recruiter =
      department === 'Engineering' && permitted(engineeringRecruiterId)
        ? engineeringRecruiterId
        : siteAdminId;
    const hiringManager = permitted(gtmHiringManagerId) ? gtmHiringManagerId : siteAdminId;
    const owner = (userId: number, type: 'recruiter' | 'coordinator') =>
      state.job_owners.push({
        id: nextId(state, 'job_owners'),
        created_at: setupAt,
        updated_at: setupAt,
        job_id: job.id,
        user_id: userId,
        type,
        responsible: true,
      });
    owner(recruiter, 'recruiter');
    owner(siteAdminId, 'coordinator');
    state.job_hiring_managers.push({
      id: nextId(state, 'job_hiring_managers'),
      created_at: setupAt,
      updated_at: setupAt,
      job_id: job.id,
      user_id: hiringManager,
    });
  }
  const recruiterFor = (job: Job) =>
    state.user_job_permissions.find(
      (permission) => permission.job_id === job.id && permission.user_id !== siteAdminId,
    )?.user_id ?? siteAdminId;

  const pools = [
    {
      name: 'Silver Medalists',
      description: 'Strong finalists we could not hire yet',
      stages: ['Identified', 'Contacted', 'Engaged', 'Ready to Convert'],
    },
    {
      name: 'Future Engineering Leaders',
      description: 'Engineering managers and staff engineers to nurture',
      stages: ['Sourced', 'Reached Out', 'In Conversation'],
    },
  ].map(({ name, description, stages }) => {
    const id = nextId(state, 'prospect_pools');
    state.prospect_pools.push({
      id,
      created_at: setupAt,
      updated_at: setupAt,
      name,
      active: true,
      description: description,
      department_ids: [],
      office_ids: [],
      job_ids: [],
    });
    const stageIds = stages.map((stageName, sort_order) => {
      const stageId = nextId(state, 'prospect_pool_stages');
      state.prospect_pool_stages.push({
        id: stageId,
        created_at: setupAt,
        updated_at: setupAt,
        prospect_pool_id: id,
        name: stageName,
        sort_order,
      });
      return stageId;
    });
    return { id, stageIds };
  });

  const openJobs = jobs.filter(({ job }) => job.status !== 'draft');
  const candidateCount = options.candidates ?? 300;
  const created: Candidate[] = [];
  // Resumes draw from their own stream, so adding them left every other seeded value as it was.
  const resumeRng = createPrng(options.seed ^ 0x7e5a11e);
  for (let index = 0; index < candidateCount; index++) {
    generateCandidate(state, rng, index, created, {
      resumeRng,
      year: anchor.getUTCFullYear(),
      daysAgo,
      openJobs,
      inboundSources,
      pilothouseSourceId: sourceIds[0] as number,
      rejectionReasonIds,
      recruiterFor,
      pools,
      siteAdminId,
    });
  }
  return state;
}

interface CandidateContext {
  resumeRng: Prng;
  year: number;
  daysAgo: (days: number, jitterMs?: number) => string;
  openJobs: { job: Job; applicantTitles: string[]; template: JobTemplate }[];
  inboundSources: number[];
  pilothouseSourceId: number;
  rejectionReasonIds: number[];
  recruiterFor: (job: Job) => number;
  pools: { id: number; stageIds: number[] }[];
  siteAdminId: number;
}

function generateCandidate(
  state: TenantState,
  rng: Prng,
  index: number,
  created: Candidate[],
  ctx: CandidateContext,
) {
  const first = rng.pick(firstNames);
  const last = rng.pick(lastNames);
  const handle = `${first}-${last}`.toLowerCase().replace(/[^a-z-]/g, '') + `-${rng.int(10, 9999)}`;
  // Every 20th person reuses someone's email: emails are not unique in Greenhouse.
  const shared = index > 0 && index % 20 === 0 ? created[rng.int(0, created.length - 1)] : undefined;
  const email =
    shared?.email_addresses[0]?.value ??
    `${first}.${last}${rng.int(1, 99)}@${rng.pick(emailDomains)}`.toLowerCase().replace(/[^a-z0-9.@]/g, '');
  const appliedDaysAgo = rng.int(1, 150);
  const createdAt = ctx.daysAgo(appliedDaysAgo, rng.int(0, dayMs - 1));
  const target = rng.pick(ctx.openJobs);
  const linkedIn = rng.chance(0.6)
    ? rng.pick([
        `https://www.linkedin.com/in/${handle}`,
        `https://www.linkedin.com/in/${handle}/`,
        `linkedin.com/in/${handle}`,
        `https://uk.linkedin.com/in/${handle}?trk=public_profile`,
      ])
    : undefined;
  const candidate = addCandidate(
    state,
    {
      first_name: first,
      last_name: last,
      company: rng.pick(companies),
      title: rng.pick(target.applicantTitles),
      tags: rng.chance(0.2) ? [rng.pick(candidateTags)] : [],
      email_addresses: [{ value: email, type: rng.chance(0.8) ? 'personal' : 'work' }],
      phone_numbers: rng.chance(0.7)
        ? [{ value: `+1 555 ${rng.int(100, 999)} ${rng.int(1000, 9999)}`, type: 'mobile' }]
        : [],
      addresses: rng.chance(0.5) ? [{ value: rng.pick(cities), type: 'home' }] : [],
      social_media_addresses: linkedIn && rng.chance(0.8) ? [{ value: linkedIn }] : [],
      website_addresses:
        linkedIn && !rng.chance(0.8)
          ? [{ value: linkedIn, type: 'personal' }]
          : rng.chance(0.15)
            ? [{ value: `https://${handle}.dev`, type: 'portfolio' }]
            : [],
      custom_fields: {},
    },
    createdAt,
  );
  created.push(candidate);

  if (rng.chance(0.1)) {
    // A prospect in a pool, considered for one job.
    const pool = rng.pick(ctx.pools);
    const application = addApplication(
      state,
      {
        candidate_id: candidate.id,
        job_id: null,
        prospect: true,
        source_id: rng.chance(0.5) ? ctx.pilothouseSourceId : rng.pick(ctx.inboundSources),
        recruiter_id: ctx.recruiterFor(target.job),
        prospective_job_ids: [target.job.id],
      },
      createdAt,
    );
    state.prospect_details.push({
      id: nextId(state, 'prospect_details'),
      created_at: createdAt,
      updated_at: createdAt,
      application_id: application.id,
      pool_id: pool.id,
      pool_stage_id: rng.pick(pool.stageIds),
      prospect_owner_id: ctx.siteAdminId,
      department_id: target.job.department_id ?? 0,
      office_id: target.job.office_ids?.[0] ?? 0,
    });
    attachResume(state, ctx, candidate, [application], target.template, createdAt);
    return;
  }

  const jobsApplied = rng.chance(0.15) ? rng.sample(ctx.openJobs, 2) : [target];
  const applications: Application[] = [];
  for (const { job } of jobsApplied) {
    const application = addApplication(
      state,
      {
        candidate_id: candidate.id,
        job_id: job.id,
        prospect: false,
        source_id: rng.pick(ctx.inboundSources),
        recruiter_id: ctx.recruiterFor(job),
        job_post_id: state.job_posts.find((post) => post.job_id === job.id && post.live)?.id ?? null,
        custom_fields: {},
      },
      createdAt,
    );
    applications.push(application);
    progress(state, rng, application, job, appliedDaysAgo, ctx);
  }
  attachResume(state, ctx, candidate, applications, jobsApplied[0]!.template, createdAt);
}

/**
 * Most people sent a resume with their application: written for the job (strong), part of the way
 * there (partial) or from another line of work (weak); some sent none. PDF or plain text, served at
 * the attachment's URL like Greenhouse's signed links, on every application of the person.
 */
function attachResume(
  state: TenantState,
  ctx: CandidateContext,
  candidate: Candidate,
  applications: Application[],
  template: JobTemplate,
  at: string,
) {
  const rng = ctx.resumeRng;
  const roll = rng.next();
  const fit: ResumeFit | undefined =
    roll < 0.35 ? 'strong' : roll < 0.55 ? 'partial' : roll < 0.85 ? 'weak' : undefined;
  const asPdf = rng.chance(0.6);
  if (!fit) return;
  const { text, currentTitle } = resumeText(rng, {
    name: `${candidate.first_name ?? ''} ${candidate.last_name ?? ''}`.trim(),
    email: candidate.email_addresses[0]?.value,
    phone: candidate.phone_numbers[0]?.value,
    city: candidate.addresses?.[0]?.value,
    company: candidate.company ?? null,
    template,
    fit,
    year: ctx.year,
  });
  // Greenhouse shows the title of the job a person holds now, as their resume says: one picked for the job they
  // applied to made a "Software Engineer" of someone whose resume is an account executive's, or a nurse's.
  candidate.title = currentTitle;
  const base = `${candidate.first_name ?? 'resume'}_${candidate.last_name ?? ''}`.replace(
    /[^A-Za-z0-9_]+/g,
    '',
  );
  const filename = `${base}_Resume.${asPdf ? 'pdf' : 'txt'}`;
  const content = (
    asPdf ? textPdf(text, `${candidate.first_name} ${candidate.last_name}`) : Buffer.from(text, 'utf8')
  ).toString('base64');
  for (const application of applications) {
    const id = nextId(state, 'attachments');
    const token = Array.from({ length: 3 }, () => rng.int(0, 0xffffffff).toString(16).padStart(8, '0')).join(
      '',
    );
    state.attachments.push({
      id,
      created_at: at,
      updated_at: at,
      application_id: application.id,
      candidate_id: candidate.id,
      type: 'resume',
      filename,
      // Origin-relative: the sandbox puts its own origin in front once it listens (seedAttachmentUrls).
      url: `/files/attachments/${id}/${encodeURIComponent(filename)}?token=${token}`,
    });
    state.files.push({
      attachment_id: id,
      content,
      content_type: asPdf ? 'application/pdf' : 'text/plain; charset=utf-8',
      token,
    });
  }
}

/** Walks an application some way down the interview plan, then maybe rejects or hires it. */
function progress(
  state: TenantState,
  rng: Prng,
  application: Application,
  job: Job,
  appliedDaysAgo: number,
  ctx: CandidateContext,
) {
  const stages = jobStages(state, job.id);
  const depth = Math.min(stages.length - 1, Math.floor(rng.next() ** 2 * stages.length));
  let day = appliedDaysAgo;
  for (let step = 1; step <= depth; step++) {
    day = Math.max(0, day - rng.int(1, 6));
    const stage = stages[step];
    if (stage) enterStage(state, application, stage, ctx.daysAgo(day, rng.int(0, dayMs - 1)));
  }
  const at = ctx.daysAgo(Math.max(0, day - rng.int(0, 3)), rng.int(0, dayMs - 1));
  const atLastStage = depth === stages.length - 1;
  if (atLastStage && job.status === 'open' && rng.chance(0.4)) {
    const opening = state.openings.find((o) => o.job_id === job.id && o.status === 'open');
    if (opening) {
      opening.status = 'closed';
      opening.application_id = application.id;
      opening.close_reason_id = state.close_reasons[0]?.id ?? null;
      application.status = 'hired';
      application.updated_at = at;
      application.last_activity_at = at;
      return;
    }
  }
  if (job.status === 'closed' || rng.chance(0.25)) {
    application.status = 'rejected';
    application.rejected_at = at;
    application.rejection_reason_id = rng.pick(ctx.rejectionReasonIds);
    application.updated_at = at;
    application.last_activity_at = at;
  }
}
