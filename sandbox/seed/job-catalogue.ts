import { escapeHtml } from '../http/escape-html';

// The jobs a demo tenant can have. Requirements are written like real postings so that matching
// and "train a job profile" have something meaningful to chew on.

export interface JobTemplate {
  title: string;
  department: string;
  offices: string[];
  confidential?: boolean;
  interviewPlan: string[];
  /** Titles people applying to this job tend to hold now. */
  applicantTitles: string[];
  summary: string;
  responsibilities: string[];
  requirements: string[];
  niceToHave: string[];
}

const engineeringPlan = [
  'Application Review',
  'Recruiter Screen',
  'Hiring Manager Screen',
  'Technical Interview',
  'Onsite Interview',
  'Reference Check',
  'Offer',
];
const salesPlan = [
  'Application Review',
  'Recruiter Screen',
  'Hiring Manager Interview',
  'Mock Pitch',
  'Panel Interview',
  'Offer',
];
const designPlan = [
  'Application Review',
  'Recruiter Screen',
  'Portfolio Review',
  'Design Exercise',
  'Onsite Interview',
  'Offer',
];
const generalPlan = [
  'Application Review',
  'Recruiter Screen',
  'Hiring Manager Interview',
  'Panel Interview',
  'Offer',
];

export const jobCatalogue: JobTemplate[] = [
  {
    title: 'Senior Backend Engineer',
    department: 'Engineering',
    offices: ['San Francisco', 'Remote (US)'],
    interviewPlan: engineeringPlan,
    applicantTitles: [
      'Backend Engineer',
      'Software Engineer',
      'Senior Software Engineer',
      'Platform Engineer',
    ],
    summary:
      'Build the services that move millions of shipments a day through our routing and pricing platform.',
    responsibilities: [
      'Design, build and operate TypeScript and Go services behind our public API',
      'Own data models in PostgreSQL and evolve them safely with zero-downtime migrations',
      'Lead design reviews and mentor engineers on reliability and observability',
      'Take part in a humane on-call rotation for the services your team owns',
    ],
    requirements: [
      '5+ years building backend systems in production',
      'Strong experience with TypeScript/Node.js or Go',
      'Deep knowledge of PostgreSQL: indexing, query plans, transactions',
      'Experience designing REST or gRPC APIs used by other teams',
      'Comfort with distributed systems concepts: idempotency, retries, back-pressure',
    ],
    niceToHave: [
      'Experience with Temporal or another workflow engine',
      'Kafka or other event streaming',
      'Kubernetes in production',
    ],
  },
  {
    title: 'Frontend Engineer',
    department: 'Engineering',
    offices: ['New York', 'Remote (US)'],
    interviewPlan: engineeringPlan,
    applicantTitles: ['Frontend Engineer', 'Software Engineer', 'UI Engineer', 'Full Stack Engineer'],
    summary: 'Craft the interfaces dispatchers use all day: fast, accessible and calm under pressure.',
    responsibilities: [
      'Build product features in React and TypeScript, end to end with designers and backend engineers',
      'Raise the bar on accessibility (WCAG 2.2 AA) and performance budgets',
      'Grow our component library and its visual regression tests',
    ],
    requirements: [
      '3+ years of professional frontend development',
      'Expert React and TypeScript',
      'Solid CSS: layout, responsive design, design tokens',
      'Experience testing UIs with Playwright, Cypress or Testing Library',
    ],
    niceToHave: [
      'Data visualisation (D3, visx)',
      'Remix or React Router framework mode',
      'Contributions to open source',
    ],
  },
  {
    title: 'Staff Data Engineer',
    department: 'Engineering',
    offices: ['London', 'Berlin'],
    interviewPlan: engineeringPlan,
    applicantTitles: [
      'Data Engineer',
      'Senior Data Engineer',
      'Analytics Engineer',
      'Data Platform Engineer',
    ],
    summary: 'Set the direction of our data platform, from ingestion to the metrics the board reads.',
    responsibilities: [
      'Own the architecture of batch and streaming pipelines (Spark, Airflow, dbt)',
      'Define data contracts with product teams and enforce them in CI',
      'Partner with analytics and ML on models, lineage and data quality',
    ],
    requirements: [
      '8+ years in data engineering, 2+ at senior or staff level',
      'Expert SQL and Python',
      'Production experience with Spark, Airflow and dbt',
      'Experience with a cloud warehouse (BigQuery, Snowflake or Redshift)',
    ],
    niceToHave: ['Streaming with Kafka or Flink', 'Terraform', 'GDPR-aware data design'],
  },
  {
    title: 'Site Reliability Engineer',
    department: 'Engineering',
    offices: ['Remote (US)', 'Toronto'],
    interviewPlan: engineeringPlan,
    applicantTitles: [
      'Site Reliability Engineer',
      'DevOps Engineer',
      'Infrastructure Engineer',
      'Platform Engineer',
    ],
    summary: 'Keep a multi-region platform fast and available, and make the right thing the easy thing.',
    responsibilities: [
      'Run Kubernetes clusters across three regions and automate everything with Terraform',
      'Define SLOs with product teams and build the alerting that protects them',
      'Lead incident response and blameless post-incident reviews',
    ],
    requirements: [
      '4+ years in SRE, infrastructure or DevOps roles',
      'Kubernetes and Terraform in production',
      'Strong Linux and networking fundamentals',
      'Observability with Prometheus, Grafana or OpenTelemetry',
    ],
    niceToHave: ['Go programming', 'AWS certification', 'Chaos engineering practice'],
  },
  {
    title: 'Account Executive, Mid-Market',
    department: 'Sales',
    offices: ['New York', 'Chicago'],
    interviewPlan: salesPlan,
    applicantTitles: [
      'Account Executive',
      'Senior Account Executive',
      'Sales Development Representative',
      'Account Manager',
    ],
    summary: 'Win mid-market logistics teams and grow them into lifelong customers.',
    responsibilities: [
      'Run full-cycle sales from discovery to close for companies of 200–2,000 employees',
      'Build pipeline with SDRs and partners; forecast accurately in Salesforce',
      'Partner with solutions engineers on tailored demos and business cases',
    ],
    requirements: [
      '3+ years closing B2B SaaS deals with a track record of hitting quota',
      'Experience with a structured methodology (MEDDICC, Challenger or similar)',
      'Average contract values of $30k–$150k',
      'Excellent written and spoken communication',
    ],
    niceToHave: [
      'Logistics or supply-chain industry experience',
      'Spanish or Portuguese',
      'Experience selling to finance buyers',
    ],
  },
  {
    title: 'Sales Development Representative',
    department: 'Sales',
    offices: ['Chicago', 'Remote (US)'],
    interviewPlan: generalPlan,
    applicantTitles: [
      'Sales Development Representative',
      'Business Development Representative',
      'Customer Support Specialist',
    ],
    summary: 'Start conversations with the operations leaders who will become our next customers.',
    responsibilities: [
      'Research accounts and run outbound sequences across email, phone and LinkedIn',
      'Qualify inbound leads within one business day',
      'Hand over well-documented opportunities to account executives',
    ],
    requirements: [
      '1+ year in a customer-facing role (sales, support, hospitality)',
      'Resilience, curiosity and clear writing',
      'Comfort with a CRM such as Salesforce or HubSpot',
    ],
    niceToHave: ['Outreach or Salesloft', 'A second language'],
  },
  {
    title: 'Senior Product Designer',
    department: 'Design',
    offices: ['San Francisco', 'Lisbon'],
    interviewPlan: designPlan,
    applicantTitles: ['Product Designer', 'Senior Product Designer', 'UX Designer', 'Interaction Designer'],
    summary: 'Shape complex operational workflows into tools people enjoy using every day.',
    responsibilities: [
      'Lead design for a product area from research to shipped pixels',
      'Evolve our design system in Figma together with frontend engineers',
      'Plan and run usability studies with dispatchers and fleet managers',
    ],
    requirements: [
      '5+ years of product design for web applications',
      'A portfolio showing end-to-end problem solving, not only visuals',
      'Fluency in Figma and prototyping',
      'Experience with design systems and accessibility',
    ],
    niceToHave: ['B2B or data-heavy products', 'Basic HTML/CSS', 'Facilitating workshops'],
  },
  {
    title: 'Product Manager, Platform',
    department: 'Product',
    offices: ['New York', 'London'],
    interviewPlan: generalPlan,
    applicantTitles: [
      'Product Manager',
      'Senior Product Manager',
      'Technical Program Manager',
      'Software Engineer',
    ],
    summary: 'Own the APIs and integrations that thousands of partners build on.',
    responsibilities: [
      'Define strategy and roadmap for the public API, webhooks and SDKs',
      'Work with engineering on API design, versioning and deprecation',
      'Measure adoption and developer experience, and act on it',
    ],
    requirements: [
      '4+ years of product management, including technical or platform products',
      'Ability to read API docs and discuss trade-offs with engineers',
      'Data-driven: SQL or comfortable with analytics tools',
    ],
    niceToHave: ['A software engineering background', 'Developer relations experience'],
  },
  {
    title: 'Customer Success Manager',
    department: 'Customer Success',
    offices: ['Berlin', 'London'],
    interviewPlan: generalPlan,
    applicantTitles: [
      'Customer Success Manager',
      'Account Manager',
      'Implementation Consultant',
      'Support Team Lead',
    ],
    summary: 'Be the trusted advisor who turns our customers’ goals into measurable outcomes.',
    responsibilities: [
      'Own a book of 40–60 mid-market accounts across EMEA',
      'Run onboarding, quarterly business reviews and renewal planning',
      'Spot expansion opportunities and partner with sales to land them',
    ],
    requirements: [
      '3+ years in customer success or account management for SaaS',
      'Fluent English and German',
      'Track record of net revenue retention above 100%',
    ],
    niceToHave: ['Gainsight or ChurnZero', 'Logistics industry knowledge'],
  },
  {
    title: 'VP of Engineering',
    department: 'Engineering',
    offices: ['San Francisco'],
    confidential: true,
    interviewPlan: [
      'Application Review',
      'CEO Conversation',
      'Executive Panel',
      'Board Member Interview',
      'Reference Check',
      'Offer',
    ],
    applicantTitles: [
      'Director of Engineering',
      'VP of Engineering',
      'Head of Engineering',
      'Engineering Manager',
    ],
    summary: 'Lead a 60-person engineering organisation through its next stage of growth.',
    responsibilities: [
      'Lead engineering managers and staff engineers across four product areas',
      'Own engineering strategy, budget and hiring plan',
      'Partner with product and design leadership on roadmap and delivery',
    ],
    requirements: [
      '10+ years in software engineering, 5+ leading managers',
      'Scaled an organisation from ~30 to 100+ engineers',
      'Experience running reliable, high-availability SaaS platforms',
    ],
    niceToHave: ['Experience at a logistics or marketplace company', 'Public speaking'],
  },
];

export function jobPostHtml(template: JobTemplate, companyName: string): string {
  const list = (items: string[]) =>
    `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
  return [
    `<p><strong>${escapeHtml(companyName)}</strong> — ${escapeHtml(template.summary)}</p>`,
    '<h3>What you will do</h3>',
    list(template.responsibilities),
    '<h3>What we are looking for</h3>',
    list(template.requirements),
    '<h3>Nice to have</h3>',
    list(template.niceToHave),
    `<p>Offices: ${escapeHtml(template.offices.join(', '))}. We welcome applicants of every background.</p>`,
  ].join('\n');
}
