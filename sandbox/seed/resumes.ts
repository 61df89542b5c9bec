import type { JobTemplate } from './job-catalogue';
import { companies } from './people';
import type { Prng } from './prng';

// Resumes for the seeded people, so the demo's matcher has something to read: each applicant's
// resume is written for the job they applied to (strong), half-way there (partial), or from another
// line of work altogether (weak), so every open job has a real spread of scores.

export type ResumeFit = 'strong' | 'partial' | 'weak';

interface ResumeKit {
  /** Years the post asks for; strong resumes have more, partial ones fewer. */
  years: number;
  /** Current-role bullets, each speaking to one requirement of the post. */
  bullets: string[];
  /** Bullets about the post's nice-to-haves. */
  extras: string[];
  skills: string[];
  degree: string;
}

const kits: Record<string, ResumeKit> = {
  'Senior Backend Engineer': {
    years: 5,
    bullets: [
      'Built and operated Go and TypeScript/Node.js services behind a public REST API used by 30 teams',
      'Designed PostgreSQL schemas, tuned indexes and query plans, ran zero-downtime migrations',
      'Designed gRPC and REST APIs for internal platform teams, with versioning and deprecation',
      'Made payment processing idempotent with retries and back-pressure across distributed services',
      'Led design reviews and mentored four backend engineers on reliability and observability',
    ],
    extras: [
      'Moved long-running jobs to Temporal workflows',
      'Kafka event streaming between services',
      'Ran services on Kubernetes in production',
    ],
    skills: ['Go', 'TypeScript', 'Node.js', 'PostgreSQL', 'gRPC', 'REST', 'Kafka', 'Kubernetes'],
    degree: 'B.S. Computer Science',
  },
  'Frontend Engineer': {
    years: 3,
    bullets: [
      'Built product features in React and TypeScript end to end with designers and backend engineers',
      'Wrote responsive CSS layouts with design tokens for a shared component library',
      'Raised accessibility to WCAG 2.2 AA and enforced performance budgets in CI',
      'Tested UIs with Playwright and Testing Library, including visual regression tests',
    ],
    extras: [
      'Data visualisation dashboards in D3 and visx',
      'Migrated the app to React Router framework mode',
      'Open source contributions to a React component library',
    ],
    skills: ['React', 'TypeScript', 'CSS', 'Playwright', 'Testing Library', 'Accessibility', 'D3'],
    degree: 'B.S. Computer Science',
  },
  'Staff Data Engineer': {
    years: 8,
    bullets: [
      'Architected batch and streaming pipelines on Spark and Airflow, modelled in dbt',
      'Expert SQL and Python: wrote the data contracts and the CI checks that enforce them',
      'Ran the Snowflake and BigQuery warehouses for analytics and ML, with lineage and data quality',
      'Staff data engineer setting direction for three data teams',
    ],
    extras: [
      'Streaming with Kafka and Flink',
      'Infrastructure as code in Terraform',
      'GDPR-aware data design and retention',
    ],
    skills: ['SQL', 'Python', 'Spark', 'Airflow', 'dbt', 'Snowflake', 'BigQuery', 'Kafka'],
    degree: 'M.S. Computer Science',
  },
  'Site Reliability Engineer': {
    years: 4,
    bullets: [
      'Ran Kubernetes clusters in three regions, all of it automated with Terraform',
      'Defined SLOs with product teams; built alerting with Prometheus, Grafana and OpenTelemetry',
      'Strong Linux and networking fundamentals: debugged TCP, DNS and load balancer issues in production',
      'Led incident response and blameless post-incident reviews as a site reliability engineer',
    ],
    extras: [
      'Wrote operators and tooling in Go',
      'AWS certification (Solutions Architect)',
      'Chaos engineering game days',
    ],
    skills: [
      'Kubernetes',
      'Terraform',
      'Linux',
      'Networking',
      'Prometheus',
      'Grafana',
      'OpenTelemetry',
      'Go',
    ],
    degree: 'B.S. Computer Engineering',
  },
  'Account Executive, Mid-Market': {
    years: 3,
    bullets: [
      'Closed B2B SaaS deals with mid-market companies; 118% of quota two years running',
      'Average contract values of $30k–$150k',
      'Ran full-cycle sales from discovery to close with a structured methodology (MEDDICC); forecast accurately in Salesforce',
      'Built pipeline with SDRs and partners and ran tailored demos with solutions engineers',
      'Excellent written and spoken communication with finance and operations buyers',
    ],
    extras: [
      'Logistics and supply-chain industry experience',
      'Fluent Spanish and Portuguese',
      'Experience selling to finance buyers',
    ],
    skills: ['B2B SaaS sales', 'MEDDICC', 'Salesforce', 'Negotiation', 'Forecasting'],
    degree: 'B.A. Economics',
  },
  'Sales Development Representative': {
    years: 1,
    bullets: [
      'Ran outbound sequences across email, phone and LinkedIn; booked 25 meetings a month',
      'Qualified inbound leads within one business day in Salesforce and HubSpot',
      'Customer-facing role with clear writing, resilience and curiosity about customers',
    ],
    extras: ['Built sequences in Outreach and Salesloft', 'Speaks a second language (French)'],
    skills: ['Outbound prospecting', 'Salesforce', 'HubSpot', 'Outreach', 'Cold calling'],
    degree: 'B.A. Communications',
  },
  'Senior Product Designer': {
    years: 5,
    bullets: [
      'Led product design for web applications from research to shipped pixels',
      'Portfolio of end-to-end problem solving for complex operational workflows',
      'Fluent in Figma and prototyping; evolved the design system with frontend engineers',
      'Designed for accessibility and ran usability studies with operations teams',
    ],
    extras: ['Designed B2B, data-heavy products', 'Basic HTML/CSS', 'Facilitated design workshops'],
    skills: ['Figma', 'Prototyping', 'Design systems', 'Accessibility', 'User research'],
    degree: 'B.F.A. Interaction Design',
  },
  'Product Manager, Platform': {
    years: 4,
    bullets: [
      'Product manager for the public API, webhooks and SDKs of a developer platform',
      'Worked with engineering on API design, versioning and deprecation; reads API docs fluently',
      'Data-driven: wrote SQL to measure adoption and developer experience, and acted on it',
      'Owned strategy and roadmap for technical platform products',
    ],
    extras: [
      'Software engineering background (3 years as a backend developer)',
      'Developer relations experience',
    ],
    skills: ['Product management', 'APIs', 'SQL', 'Roadmapping', 'Developer experience'],
    degree: 'B.S. Computer Science',
  },
  'Customer Success Manager': {
    years: 3,
    bullets: [
      'Customer success manager for a book of 50 mid-market SaaS accounts across EMEA',
      'Ran onboarding, quarterly business reviews and renewal planning; net revenue retention of 112%',
      'Fluent English and German; partnered with sales on expansion opportunities',
    ],
    extras: ['Managed health scores in Gainsight', 'Logistics industry knowledge'],
    skills: ['Customer success', 'Account management', 'Gainsight', 'Renewals', 'German', 'English'],
    degree: 'B.A. Business Administration',
  },
  'VP of Engineering': {
    years: 10,
    bullets: [
      'Led engineering managers and staff engineers across four product areas as VP of Engineering',
      'Scaled the engineering organisation from 30 to 120 engineers; owned strategy, budget and hiring plan',
      'Ran reliable, high-availability SaaS platforms with 99.95% uptime',
      'Partnered with product and design leadership on roadmap and delivery',
    ],
    extras: ['Marketplace and logistics company experience', 'Public speaking at engineering conferences'],
    skills: ['Engineering leadership', 'Hiring', 'Strategy', 'SaaS platforms', 'Budgeting'],
    degree: 'M.S. Computer Science',
  },
};

/** Lines of work that share nothing with the posts: the weak applicants' backgrounds. */
const otherCareers: { title: string; bullets: string[]; skills: string[]; degree: string }[] = [
  {
    title: 'Restaurant Shift Supervisor',
    bullets: [
      'Scheduled a team of twelve servers and cooks',
      'Handled cash reconciliation and inventory orders',
    ],
    skills: ['Scheduling', 'Inventory', 'Food safety'],
    degree: 'High school diploma',
  },
  {
    title: 'Registered Nurse',
    bullets: ['Cared for patients on a busy surgical ward', 'Trained new nurses on medication safety'],
    skills: ['Patient care', 'Medication administration', 'Triage'],
    degree: 'B.S. Nursing',
  },
  {
    title: 'Warehouse Associate',
    bullets: [
      'Picked and packed orders on the night shift',
      'Operated forklifts and kept the loading dock safe',
    ],
    skills: ['Forklift certification', 'Order picking', 'Safety'],
    degree: 'High school diploma',
  },
  {
    title: 'Graphic Designer (print)',
    bullets: [
      'Designed posters, flyers and packaging for local businesses',
      'Prepared files for offset printing',
    ],
    skills: ['Adobe InDesign', 'Illustrator', 'Typography'],
    degree: 'Associate degree, Graphic Arts',
  },
  {
    title: 'Retail Store Associate',
    bullets: ['Helped customers on the shop floor and ran the till', 'Restocked shelves and built displays'],
    skills: ['Customer service', 'Visual merchandising', 'Point of sale'],
    degree: 'High school diploma',
  },
];

/** Where someone lives who could work from the office (or remotely in the country). */
const officeCities: Record<string, string> = {
  'San Francisco': 'San Francisco, CA',
  'New York': 'New York, NY',
  Chicago: 'Chicago, IL',
  'Remote (US)': 'Denver, CO',
  Toronto: 'Toronto, Canada',
  London: 'London, UK',
  Berlin: 'Berlin, Germany',
  Lisbon: 'Lisbon, Portugal',
};

export interface ResumeInput {
  name: string;
  email: string | undefined;
  phone: string | undefined;
  city: string | undefined;
  company: string | null;
  template: JobTemplate;
  fit: ResumeFit;
  /** The year "present" is in. */
  year: number;
}

/** The plain text of a resume for one seeded person, and the title of the job it says they hold now. */
export function resumeText(rng: Prng, input: ResumeInput): { text: string; currentTitle: string } {
  // Strong applicants live where the job is; the others wherever their address says.
  const city =
    input.fit === 'strong' ? (officeCities[rng.pick(input.template.offices)] ?? input.city) : input.city;
  const contact = [input.email, input.phone, city].filter(Boolean).join(' | ');
  const lines = [input.name, contact, ''];
  const kit = kits[input.template.title];
  const past = rng.pick(companies.filter((company) => company !== input.company));
  const current = input.company ?? rng.pick(companies);

  if (input.fit === 'weak' || !kit) {
    const career = rng.pick(otherCareers);
    const start = input.year - rng.int(1, 3);
    lines.push(
      'EXPERIENCE',
      `${career.title} — ${current} (${start} – present)`,
      ...career.bullets.map((bullet) => `- ${bullet}`),
      '',
      'SKILLS',
      career.skills.join(', '),
      '',
      'EDUCATION',
      career.degree,
    );
    return { text: lines.join('\n'), currentTitle: career.title };
  }

  const strong = input.fit === 'strong';
  const totalYears = strong ? kit.years + rng.int(2, 6) : Math.max(1, kit.years - rng.int(1, 3));
  const currentYears = Math.max(1, Math.ceil(totalYears / 2));
  const title = rng.pick(input.template.applicantTitles);
  const bullets = strong
    ? kit.bullets
    : rng.sample(kit.bullets, Math.max(1, Math.floor(kit.bullets.length / 3)));
  const extras = strong ? rng.sample(kit.extras, rng.int(1, kit.extras.length)) : [];
  const skills = strong ? kit.skills : kit.skills.slice(0, 2);
  const currentStart = input.year - currentYears;
  const pastStart = input.year - totalYears;
  lines.push(
    `Summary: ${title} with ${totalYears} years of experience.`,
    '',
    'EXPERIENCE',
    `${title} — ${current} (${currentStart} – present)`,
    ...[...bullets, ...extras].map((bullet) => `- ${bullet}`),
  );
  if (pastStart < currentStart) {
    lines.push(
      `${strong ? rng.pick(input.template.applicantTitles) : 'Customer Support Specialist'} — ${past} (${pastStart} – ${currentStart})`,
      strong
        ? `- ${rng.pick(kit.bullets)}`
        : '- Answered customer tickets and kept the help centre up to date',
    );
  }
  lines.push('', 'SKILLS', skills.join(', '), '', 'EDUCATION', kit.degree);
  return { text: lines.join('\n'), currentTitle: title };
}
