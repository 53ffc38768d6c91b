import { badInput } from '@grahvani/shared';

/** Length in characters as PostgreSQL counts them (code points, not UTF-16 units). */
export const charLength = (value: string) => [...value].length;

/**
 * An optional text input: undefined stays undefined (keep), null or blank becomes null
 * (clear), anything else is trimmed and checked against `max` characters.
 */
export function optionalText(
  value: string | null | undefined,
  field: string,
  max: number,
): string | null | undefined {
  if (value === undefined) return undefined;
  const text = value?.trim() ?? '';
  if (text === '') return null;
  if (charLength(text) > max) throw badInput(`${field} must be at most ${max} characters`, field);
  return text;
}

/** A required text input: trimmed, 1 to `max` characters. */
export function requiredText(value: string, field: string, max: number): string {
  const text = optionalText(value, field, max);
  if (!text) throw badInput(`${field} must not be blank`, field);
  return text;
}
