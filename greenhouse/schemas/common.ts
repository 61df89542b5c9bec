import { z } from 'zod';

// Read schemas are loose: Greenhouse adds fields without notice and an unknown field must never
// break a sync. Write schemas are strict: Greenhouse refuses unknown body fields, so a typo should
// fail here, with a readable message, before a request is spent.

export const greenhouseId = z.number().int();
export const timestamp = z.string();
export const nullableTimestamp = z.string().nullable();

/** Read side of custom fields: a map keyed by `name_key`. */
export const customFieldValues = z
  .record(z.string(), z.looseObject({ name: z.string(), type: z.string(), value: z.unknown() }))
  .nullable();

const currency = z.strictObject({ amount: z.number(), currency_code: z.string().max(3) });
const currencyRange = z.strictObject({
  min_amount: z.number(),
  max_amount: z.number(),
  currency_code: z.string().max(3),
});

/** Write side of custom fields: an array addressed by `name_key` or `custom_field_id`. */
export const customFieldWrite = z
  .strictObject({
    name_key: z.string().max(255).optional(),
    custom_field_id: greenhouseId.optional(),
    value: z.union([
      z.string(),
      z.boolean(),
      z.number(),
      z.array(z.string()),
      z.array(z.number()),
      currency,
      currencyRange,
      z.null(),
    ]),
  })
  .refine((field) => (field.name_key === undefined) !== (field.custom_field_id === undefined), {
    message: 'a custom field is addressed by exactly one of name_key or custom_field_id',
  });

export type CustomFieldWrite = z.infer<typeof customFieldWrite>;

/** Every Greenhouse record we read carries these. */
export const recordBase = {
  id: greenhouseId,
  created_at: timestamp.optional(),
  updated_at: timestamp.optional(),
};
