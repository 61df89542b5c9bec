import { requiredScopeList } from '../../../greenhouse/scopes';
import type { SandboxHandle } from '../../../sandbox';

/**
 * What a recruiter would see in Greenhouse, read through the sandbox's control API (it answers as
 * Greenhouse's own UI does, without spending the Harvest rate limit the workers share).
 */
interface SandboxCandidate {
  id: number;
  first_name: string;
  last_name: string;
}
interface SandboxApplication {
  id: number;
  job_id: number | null;
  prospect: boolean;
}

async function control<T>(sandbox: SandboxHandle, path: string, init?: RequestInit): Promise<T> {
  const response = await fetch(`${sandbox.controlUrl}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json' },
  });
  if (!response.ok) throw new Error(`sandbox ${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

/** Every Greenhouse candidate with this email, each with their applications. */
export async function greenhouseCandidatesWithEmail(sandbox: SandboxHandle, email: string) {
  const candidates = await control<SandboxCandidate[]>(sandbox, `/people?email=${encodeURIComponent(email)}`);
  return Promise.all(
    candidates.map((c) =>
      control<{ candidate: SandboxCandidate; applications: SandboxApplication[] }>(
        sandbox,
        `/candidates/${c.id}`,
      ),
    ),
  );
}

const CREATE_CANDIDATES = 'harvest:candidates:create';

/**
 * An admin in Greenhouse edits the API credential: with `granted` false it loses the scope that
 * creates candidates, so exports are refused with 403. Tokens already issued carry the old scopes,
 * so they are expired and the next request fetches one with the new set.
 */
export async function setCandidateCreateScope(sandbox: SandboxHandle, granted: boolean): Promise<void> {
  const scopes = requiredScopeList.filter((scope) => granted || scope !== CREATE_CANDIDATES);
  await control(sandbox, '/credentials', {
    method: 'POST',
    body: JSON.stringify({
      client_id: sandbox.demoCredentials.clientId,
      client_secret: sandbox.demoCredentials.clientSecret,
      scopes,
    }),
  });
  await control(sandbox, '/tokens/expire', { method: 'POST' });
}
