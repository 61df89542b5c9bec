import { GreenhouseError } from '../../greenhouse/errors';
import type { GreenhouseScope } from '../../greenhouse/scopes';
import { greenhouseCall } from '../greenhouse-call';

// The export's later steps (work history, education) add entries to the candidate one request each,
// exactly once: the caller marks "about to create" before the first, lists what an interrupted attempt
// made, and hands the rest here. One loop, so both steps answer Greenhouse's refusals the same way.

/** What such a step did: entries created now, made by an earlier attempt, left out and why. */
export interface EntriesOutcome {
  created: number;
  alreadyThere: number;
  skipped: { entry: string; reason: string }[];
  /** The scope whose absence ended the step early, if one did. */
  missingScope?: GreenhouseScope;
}

/** An earlier attempt may have created them and, without the list scope, Pilothouse cannot look: none is sent. */
export function cannotLook(
  pending: readonly { entry: string }[],
  listScope: GreenhouseScope,
): EntriesOutcome {
  return {
    created: 0,
    alreadyThere: 0,
    skipped: pending.map(({ entry }) => ({
      entry,
      reason: `an earlier attempt may have added it, and without the scope ${listScope} Pilothouse cannot look`,
    })),
    missingScope: listScope,
  };
}

/**
 * Creates each pending entry in turn. A refusal of one entry (422) leaves it out and goes on; a refusal
 * of the connection (403: the create scope is not granted) leaves out it and all after it.
 */
export async function createEntries<T extends { entry: string }>(
  pending: readonly T[],
  alreadyThere: number,
  createScope: GreenhouseScope,
  create: (item: T) => Promise<unknown>,
): Promise<EntriesOutcome> {
  const outcome: EntriesOutcome = { created: 0, alreadyThere, skipped: [] };
  for (const [index, item] of pending.entries()) {
    const answer = await greenhouseCall(async () => {
      try {
        await create(item);
        return 'created' as const;
      } catch (error) {
        if (!(error instanceof GreenhouseError)) throw error;
        if (error.status === 403) return 'forbidden' as const;
        // Refused outright (or by our own schema before sending): nothing was made, and a retry
        // would be refused again.
        if (error.status === 422 || error.kind === 'invalid_request') return 'refused' as const;
        throw error;
      }
    });
    if (answer === 'created') outcome.created += 1;
    else if (answer === 'refused')
      outcome.skipped.push({ entry: item.entry, reason: 'Greenhouse refused it' });
    else {
      outcome.missingScope = createScope;
      for (const left of pending.slice(index)) {
        outcome.skipped.push({
          entry: left.entry,
          reason: `Greenhouse refused the connection (is the scope ${createScope} ticked?)`,
        });
      }
      break;
    }
  }
  return outcome;
}
