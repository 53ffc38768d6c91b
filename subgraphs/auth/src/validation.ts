import { badInput } from '@grahvani/shared';

// The WHATWG "valid email address" production, as browsers check <input type=email>.
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)+$/;

/** Trims and lower-cases an email address; BAD_USER_INPUT when malformed. */
export function normalizeEmail(email: string, field = 'email'): string {
  const value = email.trim().toLowerCase();
  if (value.length > 320 || !EMAIL.test(value)) throw badInput('Invalid email address', field);
  return value;
}

/** Trims a display name; at most 200 characters. */
export function normalizeName(name: string | null | undefined, field = 'name'): string | null {
  const value = name?.trim();
  if (!value) return null;
  if (value.length > 200) throw badInput('Name must be at most 200 characters', field);
  return value;
}
