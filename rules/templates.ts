// Notes and notifications may name what the autopilot knows: "Matched {{name}} at {{score}}: {{reasons}}".
// Rendering is a plain substitution: no expressions, so a template can never do more than fill in text.
// It happens in two steps. Evaluating fills what the rules knew at that moment (score, reasons, stage…)
// and leaves the person's own details as placeholders, so a decision — stored as the trace, and carried
// through workflow histories — never holds a name. The activity that writes the note or sends the
// message fills those from the person's record right before it writes (`fillPersonalDetails`).

export const TEMPLATE_PLACEHOLDERS = {
  name: "the person's name",
  personId: "the person's Pilothouse id",
  score: 'the match score',
  source: 'where the person came from',
  location: "the person's location",
  stage: 'the current Greenhouse stage',
  jobId: 'the Greenhouse job id',
  reasons: 'why the rule got here, e.g. "Score 82 ≥ 70"',
} as const;
export type TemplatePlaceholder = keyof typeof TEMPLATE_PLACEHOLDERS;

/** Placeholders that are the person's personal data: filled only right before the write. */
export const PERSONAL_PLACEHOLDERS = ['name', 'location'] as const satisfies readonly TemplatePlaceholder[];
export type PersonalPlaceholder = (typeof PERSONAL_PLACEHOLDERS)[number];
export type DecidedPlaceholder = Exclude<TemplatePlaceholder, PersonalPlaceholder>;
const isPersonal = (name: string): name is PersonalPlaceholder =>
  (PERSONAL_PLACEHOLDERS as readonly string[]).includes(name);

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export function unknownPlaceholders(template: string): string[] {
  return placeholdersIn(template).filter((name) => !Object.hasOwn(TEMPLATE_PLACEHOLDERS, name));
}

/**
 * What a decision holds: the template with what the evaluation knew filled in, and the person's own
 * details left as `{{name}}` / `{{location}}` for `fillPersonalDetails`. Unknown or missing values render
 * as an empty string rather than leaking `{{...}}` to a recruiter.
 */
export function renderDecided(template: string, values: Partial<Record<DecidedPlaceholder, string>>): string {
  return template.replace(PLACEHOLDER, (_, name: string) =>
    isPersonal(name)
      ? `{{${name}}}`
      : Object.hasOwn(values, name)
        ? (values[name as DecidedPlaceholder] ?? '')
        : '',
  );
}

/**
 * Fills the person's own details into a decided note or message, right before it is written. Only the
 * personal placeholders are touched, so a text decided before this split (already filled) stays as it was.
 */
export function fillPersonalDetails(
  decided: string,
  person: Partial<Record<PersonalPlaceholder, string>>,
): string {
  return decided.replace(PLACEHOLDER, (whole: string, name: string) =>
    isPersonal(name) ? (person[name] ?? '') : whole,
  );
}
