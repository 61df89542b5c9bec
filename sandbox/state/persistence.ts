import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { SandboxCredential, TenantState, WebhookTarget } from './types';
import { seedEducationDictionaries } from '../seed/education-dictionaries';

/** What survives a restart when a state file is configured. Tokens do not: clients re-authenticate. */
export interface SandboxSnapshot {
  version: 1;
  tenant: TenantState;
  webhook_targets: WebhookTarget[];
  credentials: SandboxCredential[];
}

export async function loadSnapshot(file: string): Promise<SandboxSnapshot | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const snapshot = JSON.parse(text) as Partial<SandboxSnapshot>;
  if (snapshot.version !== 1 || !snapshot.tenant || snapshot.tenant.version !== 1) {
    throw new Error(
      `Sandbox state file ${file} is not a version-1 snapshot; delete it to start from a fresh seed`,
    );
  }
  // Snapshots from before tags, rejection emails, hiring teams and work histories were modelled: start those empty.
  const tenant = snapshot.tenant as Partial<SandboxSnapshot['tenant']> & SandboxSnapshot['tenant'];
  tenant.candidate_tags ??= [];
  tenant.applied_candidate_tags ??= [];
  tenant.rejection_emails ??= [];
  tenant.nextIds.candidate_tags ??= 610_001;
  tenant.nextIds.applied_candidate_tags ??= 620_001;
  tenant.job_owners ??= [];
  tenant.job_hiring_managers ??= [];
  tenant.nextIds.job_owners ??= 630_001;
  tenant.nextIds.job_hiring_managers ??= 640_001;
  tenant.candidate_employments ??= [];
  tenant.nextIds.candidate_employments ??= 650_000_001;
  tenant.candidate_educations ??= [];
  tenant.nextIds.candidate_educations ??= 660_000_001;
  tenant.custom_field_options ??= [];
  tenant.nextIds.custom_field_options ??= 96_001;
  seedEducationDictionaries(tenant, new Date().toISOString());
  return snapshot as SandboxSnapshot;
}

/** Written to a temporary file and renamed, so a crash never leaves half a JSON document. */
export async function saveSnapshot(file: string, snapshot: SandboxSnapshot): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(snapshot));
  await rename(temporary, file);
}
