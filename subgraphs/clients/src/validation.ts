import { badInput } from '@grahvani/shared';
import type { CreateClientInput } from './resolvers-types.generated.ts';

const E164 = /^\+[1-9]\d{6,14}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function optionalText(value: string | null | undefined, field: string, max: number) {
  const text = value?.trim();
  if (!text) return null;
  if (text.length > max) throw badInput(`${field} must be at most ${max} characters`, field);
  return text;
}

/** Validates and normalises client fields; BAD_USER_INPUT names the offending field. */
export function validateClientInput(input: CreateClientInput) {
  const name = optionalText(input.name, 'name', 200);
  if (!name) throw badInput('name is required', 'name');
  const email = optionalText(input.email, 'email', 320)?.toLowerCase() ?? null;
  if (email && !EMAIL.test(email)) throw badInput('email is not a valid email address', 'email');
  const phone = optionalText(input.phone, 'phone', 16);
  if (phone && !E164.test(phone))
    throw badInput('phone must be in E.164 form, e.g. +919812345678', 'phone');
  const birthTime = optionalText(input.birthTime, 'birthTime', 8);
  if (birthTime && !TIME.test(birthTime))
    throw badInput('birthTime must be HH:MM or HH:MM:SS', 'birthTime');
  let birthDate: Date | null = null;
  if (input.birthDate) {
    birthDate = new Date(input.birthDate);
    if (Number.isNaN(birthDate.getTime()) || birthDate.getTime() > Date.now()) {
      throw badInput('birthDate must be a real date in the past', 'birthDate');
    }
  }
  const { latitude, longitude } = input;
  if (latitude != null && (latitude < -90 || latitude > 90)) {
    throw badInput('latitude must be between -90 and 90', 'latitude');
  }
  if (longitude != null && (longitude < -180 || longitude > 180)) {
    throw badInput('longitude must be between -180 and 180', 'longitude');
  }
  const timezone = optionalText(input.timezone, 'timezone', 64);
  if (timezone && !isTimeZone(timezone))
    throw badInput('timezone must be an IANA time zone name', 'timezone');
  const tags = [...new Set((input.tags ?? []).map((t) => t.trim().toLowerCase()).filter(Boolean))];
  if (tags.length > 20) throw badInput('at most 20 tags', 'tags');
  if (tags.some((t) => t.length > 32))
    throw badInput('each tag must be at most 32 characters', 'tags');
  return {
    name,
    email,
    phone,
    gender: optionalText(input.gender, 'gender', 32),
    birthDate,
    birthTime: birthTime && birthTime.length === 5 ? `${birthTime}:00` : birthTime,
    birthPlace: optionalText(input.birthPlace, 'birthPlace', 255),
    latitude: latitude ?? null,
    longitude: longitude ?? null,
    timezone,
    tags,
  };
}

function isTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}
