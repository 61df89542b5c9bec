import type { CustomFieldWrite } from '../../greenhouse/schemas';
import { harvestError } from '../http/reply';
import type { TenantState } from '../state/types';

type CustomFieldMap = Record<string, { name: string; type: string; value: unknown }>;

/**
 * Custom fields are written as an array `[{name_key | custom_field_id, value}]` and read back as
 * a map keyed by `name_key` — one of Greenhouse's quiet asymmetries.
 */
export function applyCustomFieldWrites(
  state: TenantState,
  fieldType: 'candidate' | 'application' | 'job',
  writes: readonly CustomFieldWrite[] | undefined,
  current: CustomFieldMap | null | undefined,
): CustomFieldMap {
  const next: CustomFieldMap = { ...(current ?? {}) };
  for (const write of writes ?? []) {
    const definition = state.custom_fields.find(
      (field) =>
        field.field_type === fieldType &&
        (write.name_key !== undefined
          ? field.name_key === write.name_key
          : field.id === write.custom_field_id),
    );
    if (!definition) {
      throw harvestError(
        422,
        `custom_fields: no ${fieldType} custom field ${write.name_key ?? write.custom_field_id}`,
      );
    }
    next[definition.name_key] = { name: definition.name, type: definition.value_type, value: write.value };
  }
  return next;
}
