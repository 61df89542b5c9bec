// Job-title families: which titles name the same work. A candidate whose resume carries any alias of the
// job's family meets the title requirement; a `related` family earns partial credit. Seniority words
// ("Senior", "Staff") are stripped before matching and scored separately.

import type { SeniorityLevel } from '../types';

export type TitleEntry = {
  id: string;
  label: string;
  aliases: string[];
  related?: string[];
};

import { occupationTitles } from './occupations';

const softwareAndBusinessTitles: TitleEntry[] = [
  {
    id: 'backend-engineer',
    label: 'Backend Engineer',
    aliases: [
      'backend engineer',
      'back-end engineer',
      'back end engineer',
      'backend developer',
      'back-end developer',
      'software engineer, backend',
      'software engineer - backend',
      'software engineer (backend)',
      'backend software engineer',
      'server-side engineer',
      'server engineer',
      'api engineer',
      'golang developer',
      'go developer',
      'go engineer',
    ],
    related: ['software-engineer', 'full-stack-engineer', 'platform-engineer'],
  },
  {
    id: 'frontend-engineer',
    label: 'Frontend Engineer',
    aliases: [
      'frontend engineer',
      'front-end engineer',
      'front end engineer',
      'frontend developer',
      'front-end developer',
      'software engineer, frontend',
      'software engineer - frontend',
      'software engineer (frontend)',
      'ui engineer',
      'web engineer',
      'react developer',
      'react engineer',
      'javascript developer',
      'web developer',
    ],
    related: ['software-engineer', 'full-stack-engineer'],
  },
  {
    id: 'full-stack-engineer',
    label: 'Full-stack Engineer',
    aliases: [
      'full stack engineer',
      'full-stack engineer',
      'fullstack engineer',
      'full stack developer',
      'full-stack developer',
    ],
    related: ['software-engineer', 'backend-engineer', 'frontend-engineer'],
  },
  {
    id: 'software-engineer',
    label: 'Software Engineer',
    aliases: [
      'software engineer',
      'software developer',
      'sde',
      'programmer',
      'application developer',
      'member of technical staff',
    ],
    related: ['backend-engineer', 'frontend-engineer', 'full-stack-engineer'],
  },
  {
    id: 'platform-engineer',
    label: 'Site Reliability / Platform Engineer',
    aliases: [
      'site reliability engineer',
      'sre',
      'platform engineer',
      'infrastructure engineer',
      'devops engineer',
      'production engineer',
      'cloud engineer',
      'systems engineer',
      'reliability engineer',
      'cloud infrastructure engineer',
    ],
    related: ['backend-engineer', 'software-engineer', 'systems-administrator'],
  },
  {
    id: 'systems-administrator',
    label: 'Systems Administrator',
    aliases: [
      'systems administrator',
      'system administrator',
      'sysadmin',
      'it administrator',
      'network administrator',
    ],
    related: ['platform-engineer'],
  },
  {
    id: 'data-scientist',
    label: 'Data Scientist',
    aliases: [
      'data scientist',
      'applied scientist',
      'research scientist',
      'decision scientist',
      'product data scientist',
      'quantitative analyst',
    ],
    related: ['machine-learning-engineer', 'data-analyst'],
  },
  {
    id: 'machine-learning-engineer',
    label: 'Machine Learning Engineer',
    aliases: ['machine learning engineer', 'ml engineer', 'mlops engineer', 'ai engineer'],
    related: ['data-scientist', 'software-engineer'],
  },
  {
    id: 'data-analyst',
    label: 'Data Analyst',
    aliases: [
      'data analyst',
      'business analyst',
      'bi analyst',
      'product analyst',
      'business intelligence analyst',
      'analytics manager',
    ],
    related: ['data-scientist', 'analytics-engineer'],
  },
  {
    id: 'data-engineer',
    label: 'Data Engineer',
    aliases: [
      'data engineer',
      'big data engineer',
      'etl developer',
      'data platform engineer',
      'data infrastructure engineer',
      'ingeniero de datos',
      'ingeniera de datos',
      'dateningenieur',
      'ingénieur data',
      'engenheiro de dados',
    ],
    related: ['analytics-engineer', 'backend-engineer', 'software-engineer'],
  },
  {
    id: 'analytics-engineer',
    label: 'Analytics Engineer',
    aliases: ['analytics engineer', 'bi engineer', 'bi developer'],
    related: ['data-engineer', 'data-analyst'],
  },
  {
    id: 'account-executive',
    label: 'Account Executive',
    aliases: [
      'account executive',
      'enterprise account executive',
      'sales executive',
      'enterprise sales executive',
      'enterprise account manager',
      'strategic account executive',
      'regional sales manager',
      'sales director',
      'ejecutivo de cuentas',
      'ejecutiva de cuentas',
      'ejecutivo de ventas',
      'ingénieur commercial',
      'ingénieure commerciale',
      'executivo de contas',
      'vertriebsmitarbeiter',
    ],
    related: ['account-manager', 'sales-development', 'sales-engineer'],
  },
  {
    id: 'account-manager',
    label: 'Account Manager',
    aliases: ['account manager', 'client partner', 'key account manager'],
    related: ['account-executive', 'customer-success-manager'],
  },
  {
    id: 'sales-development',
    label: 'Sales Development Representative',
    aliases: [
      'sales development representative',
      'sdr',
      'bdr',
      'business development representative',
      'inside sales representative',
    ],
    related: ['account-executive'],
  },
  {
    id: 'sales-engineer',
    label: 'Sales / Solutions Engineer',
    aliases: [
      'sales engineer',
      'solutions engineer',
      'solutions architect',
      'pre-sales engineer',
      'presales engineer',
    ],
    related: ['account-executive', 'platform-engineer'],
  },
  {
    id: 'recruiter',
    label: 'Recruiter',
    aliases: [
      'recruiter',
      'technical recruiter',
      'talent acquisition',
      'sourcer',
      'recruiting coordinator',
      'talent partner',
    ],
    related: [],
  },
  {
    id: 'product-manager',
    label: 'Product Manager',
    aliases: ['product manager', 'product owner', 'technical product manager', 'group product manager'],
    related: [],
  },
  {
    id: 'designer',
    label: 'Product Designer',
    aliases: [
      'product designer',
      'ux designer',
      'ui designer',
      'ui/ux designer',
      'interaction designer',
      'visual designer',
    ],
    related: ['frontend-engineer'],
  },
  {
    id: 'engineering-manager',
    label: 'Engineering Manager',
    aliases: [
      'engineering manager',
      'software engineering manager',
      'director of engineering',
      'head of engineering',
      'vp of engineering',
    ],
    related: ['software-engineer', 'backend-engineer'],
  },
  {
    id: 'qa-engineer',
    label: 'QA Engineer',
    aliases: [
      'qa engineer',
      'quality assurance engineer',
      'sdet',
      'test engineer',
      'test automation engineer',
    ],
    related: ['software-engineer'],
  },
];

/** Seniority words in titles, from most to least specific so "senior staff" reads as staff. */
/** Every title family: software, data, design and sales above, other occupations in occupations.ts. */
export const titleAliases: TitleEntry[] = [...softwareAndBusinessTitles, ...occupationTitles];

export const seniorityWords: { pattern: RegExp; level: SeniorityLevel }[] = [
  { pattern: /\b(chief|cto|ceo|cfo|coo|cro|vp|vice president)\b/i, level: 'executive' },
  { pattern: /\b(principal|distinguished|director|head of)\b/i, level: 'principal' },
  { pattern: /\b(staff|lead|tech lead|team lead|engineering manager|manager of)\b/i, level: 'lead' },
  { pattern: /\b(senior|sr\.?|snr)\b/i, level: 'senior' },
  { pattern: /\b(mid-level|mid level|intermediate)\b/i, level: 'mid' },
  {
    pattern: /\b(junior|jr\.?|graduate|entry[- ]level|associate|intern|internship|apprentice|trainee)\b/i,
    level: 'entry',
  },
];
