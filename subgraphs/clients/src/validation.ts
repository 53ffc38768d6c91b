import { dateBoundsMessage, isStorableDate } from '@grahvani/shared';
import type { CreateClientInput, UpdateClientInput } from './resolvers-types.generated.ts';
import { ValidationError } from './validationError.ts';

const E164 = /^\+[1-9]\d{6,14}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A client's fields as stored, validated and normalised. */
export interface ClientData {
  name: string;
  email: string | null;
  phone: string | null;
  gender: string | null;
  birthDate: Date | null;
  birthTime: string | null;
  birthPlace: string | null;
  latitude: number | null;
  longitude: number | null;
  timezone: string | null;
  tags: string[];
}

type Field = keyof ClientData;
type Value = string | number | Date | readonly string[] | null | undefined;

function text(value: Value, field: Field, max: number): string | null {
  if (value == null) return null;
  const trimmed = String(value).trim();
  if (!trimmed) return null;
  if (trimmed.length > max)
    throw new ValidationError(field, `${field} must be at most ${max} characters`);
  return trimmed;
}

function matching(value: Value, field: Field, max: number, pattern: RegExp, message: string) {
  const result = text(value, field, max);
  if (result && !pattern.test(result)) throw new ValidationError(field, message);
  return result;
}

/** A real calendar date in the past, from the Date scalar (a Date) or CSV text (YYYY-MM-DD). */
function birthDate(value: Value): Date | null {
  if (value == null || value === '') return null;
  let date: Date;
  if (value instanceof Date) {
    date = value;
  } else {
    const match = ISO_DATE.exec(String(value).trim());
    date = match ? new Date(`${match[0]}T00:00:00Z`) : new Date(Number.NaN);
    // JavaScript rolls 2023-02-30 over to March, and 1999-13-45 is no date at all (toISOString
    // would throw): a real date reads back the same.
    if (match && !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) !== match[0]) {
      date = new Date(Number.NaN);
    }
  }
  if (Number.isNaN(date.getTime()) || date.getTime() > Date.now()) {
    throw new ValidationError(
      'birthDate',
      'birthDate must be a real date in the past (YYYY-MM-DD)',
    );
  }
  if (!isStorableDate(date)) throw new ValidationError('birthDate', dateBoundsMessage('birthDate'));
  return date;
}

function coordinate(value: Value, field: 'latitude' | 'longitude', limit: number) {
  if (value == null || value === '') return null;
  const number = typeof value === 'number' ? value : Number(String(value).trim());
  if (!Number.isFinite(number) || number < -limit || number > limit) {
    throw new ValidationError(field, `${field} must be a number between -${limit} and ${limit}`);
  }
  return number;
}

function timezone(value: Value): string | null {
  const name = text(value, 'timezone', 64);
  if (!name) return null;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
  } catch {
    throw new ValidationError(
      'timezone',
      'timezone must be an IANA time zone name, e.g. Asia/Kolkata',
    );
  }
  return name;
}

function tags(value: readonly string[] | null | undefined): string[] {
  const result = [...new Set((value ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))];
  if (result.length > 20) throw new ValidationError('tags', 'at most 20 tags');
  if (result.some((t) => t.length > 32))
    throw new ValidationError('tags', 'each tag must be at most 32 characters');
  return result;
}

function name(value: Value): string {
  const result = text(value, 'name', 200);
  if (!result) throw new ValidationError('name', 'name is required');
  return result;
}

/** Validators of every optional field, keyed by field name. */
const optional = {
  email: (v: Value) =>
    matching(v, 'email', 320, EMAIL, 'email is not a valid email address')?.toLowerCase() ?? null,
  phone: (v: Value) =>
    matching(v, 'phone', 16, E164, 'phone must be in E.164 form, e.g. +919812345678'),
  gender: (v: Value) => text(v, 'gender', 32),
  birthDate,
  birthTime: (v: Value) => {
    const time = matching(v, 'birthTime', 8, TIME, 'birthTime must be HH:MM or HH:MM:SS');
    return time && time.length === 5 ? `${time}:00` : time;
  },
  birthPlace: (v: Value) => text(v, 'birthPlace', 255),
  latitude: (v: Value) => coordinate(v, 'latitude', 90),
  longitude: (v: Value) => coordinate(v, 'longitude', 180),
  timezone,
};

/** Client fields as they arrive: GraphQL input or a CSV row (all text). */
export type ClientFieldsInput = {
  [K in Exclude<Field, 'tags'>]?: Exclude<Value, readonly string[]>;
} & { tags?: readonly string[] | null };

/** Validates and normalises a whole client; a ValidationError names the offending field. */
export function validateClientInput(input: CreateClientInput | ClientFieldsInput): ClientData {
  return {
    name: name(input.name),
    email: optional.email(input.email),
    phone: optional.phone(input.phone),
    gender: optional.gender(input.gender),
    birthDate: optional.birthDate(input.birthDate),
    birthTime: optional.birthTime(input.birthTime),
    birthPlace: optional.birthPlace(input.birthPlace),
    latitude: optional.latitude(input.latitude),
    longitude: optional.longitude(input.longitude),
    timezone: optional.timezone(input.timezone),
    tags: tags(input.tags),
  };
}

/** Validates the fields present in a partial update; omitted fields stay out of the result. */
export function validateClientUpdate(input: UpdateClientInput): Partial<ClientData> {
  const data: Partial<ClientData> = {};
  if (input.name !== undefined) data.name = name(input.name);
  if (input.tags !== undefined) data.tags = tags(input.tags);
  for (const field of Object.keys(optional) as (keyof typeof optional)[]) {
    const value = input[field];
    if (value === undefined) continue;
    Object.assign(data, { [field]: optional[field](value) });
  }
  return data;
}
