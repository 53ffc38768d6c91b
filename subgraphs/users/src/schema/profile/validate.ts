import { badInput } from '@grahvani/shared';
import type { Prisma } from '../../generated/prisma/client.ts';
import type { UpdateProfileInput } from '../../resolvers-types.generated.ts';
import { charLength, optionalText } from '../../text.ts';

export const MAX_BIO_LENGTH = 2000;

function avatarUrl(value: URL | string | null | undefined): string | null | undefined {
  if (value === undefined || value === null) return value;
  let url: URL;
  try {
    url = new URL(String(value));
  } catch {
    throw badInput('avatarUrl must be an absolute URL', 'avatarUrl');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw badInput('avatarUrl must be an http or https URL', 'avatarUrl');
  }
  if (url.href.length > 2048) throw badInput('avatarUrl is too long', 'avatarUrl');
  return url.href;
}

function dateOfBirth(value: Date | string | null | undefined): Date | null | undefined {
  if (value === undefined || value === null) return value;
  const date = value instanceof Date ? value : new Date(`${value}T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) throw badInput('dateOfBirth is not a date', 'dateOfBirth');
  const today = new Date().toISOString().slice(0, 10);
  if (date.toISOString().slice(0, 10) >= today) {
    throw badInput('dateOfBirth must be in the past', 'dateOfBirth');
  }
  return date;
}

/** Validates a partial profile update; returns only the fields the input names. */
export function profileChanges(input: UpdateProfileInput): Prisma.UserUpdateInput {
  const bio = input.bio === undefined ? undefined : input.bio === null ? null : input.bio.trim();
  if (bio && charLength(bio) > MAX_BIO_LENGTH) {
    throw badInput(`bio must be at most ${MAX_BIO_LENGTH} characters`, 'bio');
  }
  const changes: Prisma.UserUpdateInput = {
    name: optionalText(input.name, 'name', 200),
    bio: bio === '' ? null : bio,
    avatarUrl: avatarUrl(input.avatarUrl),
    gender: optionalText(input.gender, 'gender', 32),
    dateOfBirth: dateOfBirth(input.dateOfBirth),
  };
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
}
