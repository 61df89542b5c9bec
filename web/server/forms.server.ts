import { data } from 'react-router';
import type { z } from 'zod';

export type FieldErrors = Record<string, string[]>;
export type FormFailure = { ok: false; fieldErrors: FieldErrors };

/** Parses a form with a zod schema: the value, or the field errors to send back with status 400. */
export function parseForm<T extends z.ZodType>(
  schema: T,
  form: FormData | Record<string, unknown>,
): { ok: true; value: z.infer<T> } | { ok: false; fieldErrors: FieldErrors } {
  const values = form instanceof FormData ? Object.fromEntries(form) : form;
  const result = schema.safeParse(values);
  if (result.success) return { ok: true, value: result.data };
  const fieldErrors: FieldErrors = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join('.') || 'form';
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, fieldErrors };
}

/**
 * Field errors back to the form, status 400, with what the person typed in the fields `typed` names: a form
 * sent before the page's script ran comes back as a new page, and its fields would otherwise be empty.
 */
export function invalid(fieldErrors: FieldErrors, status = 400, typed: Record<string, string> = {}) {
  return data({ ok: false as const, fieldErrors, typed }, { status });
}

/** The text fields `names` as typed (never a password: the caller names what may be sent back). */
export function typedBack(form: FormData, names: readonly string[]): Record<string, string> {
  const typed: Record<string, string> = {};
  for (const name of names) {
    const value = form.get(name);
    if (typeof value === 'string') typed[name] = value.slice(0, 500);
  }
  return typed;
}

/** A failure that is not about one field, shown at the top of the form. */
export function formError(message: string, status = 400) {
  return invalid({ form: [message] }, status);
}
