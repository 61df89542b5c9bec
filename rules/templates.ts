// Notes and notifications may name what the autopilot knows: "Matched {{name}} at {{score}}: {{reasons}}".
// Rendering is a plain substitution: no expressions, so a template can never do more than fill in text.

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

const PLACEHOLDER = /\{\{\s*([A-Za-z]+)\s*\}\}/g;

export function placeholdersIn(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!);
}

export function unknownPlaceholders(template: string): string[] {
  return placeholdersIn(template).filter((name) => !Object.hasOwn(TEMPLATE_PLACEHOLDERS, name));
}

/** Unknown or missing values render as an empty string rather than leaking `{{...}}` to a recruiter. */
export function renderTemplate(
  template: string,
  values: Partial<Record<TemplatePlaceholder, string>>,
): string {
  return template.replace(PLACEHOLDER, (_, name: string) =>
    Object.hasOwn(values, name) ? (values[name as TemplatePlaceholder] ?? '') : '',
  );
}
