// The person's own details a rule's note or message names ({{name}}, {{location}}), read from their record
// right before the note is written or the message sent: decisions (the trace rows, and anything a workflow
// carries) hold the placeholders only. See rules/templates.ts.
import type { Db } from '../../db/database';
import { personalDetailsOf } from '../../db/queries/people';
import { fillPersonalDetails } from '../../rules';

export async function withPersonalDetails(db: Db, personId: string | null, decided: string): Promise<string> {
  if (personId === null || !decided.includes('{{')) return fillPersonalDetails(decided, {});
  const person = await personalDetailsOf(db, personId);
  return fillPersonalDetails(
    decided,
    person
      ? { name: `${person.first_name} ${person.last_name}`.trim(), location: person.location ?? '' }
      : {},
  );
}
