import { collect, type HarvestClient } from '../../greenhouse/client';
import { GreenhouseError } from '../../greenhouse/errors';
import type { CustomFieldOption, EducationDictionaryKey } from '../../greenhouse/schemas';
import type { EducationDictionaries } from './education';

/**
 * How long a worker trusts its copy of Greenhouse's school, degree and discipline lists. They are reference
 * data an admin rarely changes, and a real account's school list runs to thousands of names (several pages
 * of 500): read per export, they would cost more Harvest requests than the export itself (issue 16). An
 * option added in Greenhouse is used by exports starting up to this long after.
 */
export const DICTIONARY_TTL_MS = 15 * 60_000;

interface Cached {
  readAt: number;
  /** `null`: Greenhouse refused the read (no harvest:custom_field_options:list). */
  options: Promise<readonly CustomFieldOption[] | null>;
}

// Per worker and connection: a client stands for one connection, and a new connection gets a new client.
const cache = new WeakMap<HarvestClient, Map<EducationDictionaryKey, Cached>>();

/** The lists asked for, from this worker's copy when it is fresh, else from Greenhouse (active options only). */
export async function educationDictionaries(
  harvest: HarvestClient,
  keys: readonly EducationDictionaryKey[],
  now: number = Date.now(),
): Promise<EducationDictionaries> {
  let lists = cache.get(harvest);
  if (!lists) cache.set(harvest, (lists = new Map()));
  const read: EducationDictionaries = {};
  for (const key of keys) {
    let cached = lists.get(key);
    if (!cached || now - cached.readAt > DICTIONARY_TTL_MS) {
      const options = readDictionary(harvest, key);
      cached = { readAt: now, options };
      // A failed or refused read is not remembered: the next export asks Greenhouse again (a scope ticked
      // meanwhile counts at once).
      const entry = cached;
      const forget = () => lists.get(key) === entry && lists.delete(key);
      options.then((found) => found === null && forget(), forget);
      lists.set(key, cached);
    }
    read[key] = await cached.options;
  }
  return read;
}

async function readDictionary(
  harvest: HarvestClient,
  key: EducationDictionaryKey,
): Promise<readonly CustomFieldOption[] | null> {
  try {
    return await collect(
      harvest.listCustomFieldOptions({ custom_field_key: key, active: true, per_page: 500 }),
    );
  } catch (error) {
    if (error instanceof GreenhouseError && error.status === 403) return null;
    throw error;
  }
}

/** Forgets every copy (tests that change Greenhouse's lists). */
export function forgetEducationDictionaries(harvest: HarvestClient): void {
  cache.delete(harvest);
}
