import { readFileSync } from 'node:fs';
import argon2 from 'argon2';
import { badInput } from '@grahvani/shared';

// OWASP's minimum for Argon2id: 19 MiB memory, 2 iterations, 1 lane.
const OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 128;

// Common passwords (NIST 800-63B: refuse values from breach corpuses). The list is every entry
// of at least 12 characters of SecLists' "10 million passwords, top 1M" (MIT) and of the
// zxcvbn-ts common dictionary (@zxcvbn-ts/language-common 4.1.3, MIT), lower-cased and sorted.
// A data file rather than a dependency: the maintained packages ship whole dictionaries for
// strength estimation (50k-1M entries, compressed, with runtime decoders), and below 12
// characters every entry is already refused by length, so only these ~44k lines matter.
const COMMON_PASSWORDS_FILE = new URL('./data/common-passwords.txt', import.meta.url);
let commonPasswords: Set<string> | undefined;

/** True when the password (case-insensitively) is on the common-passwords list. */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(
    readFileSync(COMMON_PASSWORDS_FILE, 'utf8')
      .split('\n')
      .filter((line) => line.length > 0),
  );
  return commonPasswords.has(password.toLowerCase());
}

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/**
 * Verifies a password; with no stored hash it verifies against a dummy one, so an unknown
 * email costs the same time as a wrong password.
 */
export async function verifyPassword(hash: string | null | undefined, password: string) {
  if (!hash) {
    dummyHash ??= argon2.hash('dummy password for timing', OPTIONS);
    await argon2.verify(await dummyHash, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}

/** Length rules and the common-passwords list (NIST 800-63B: no composition rules). */
export function validatePassword(password: string, field = 'password'): void {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH || length > MAX_PASSWORD_LENGTH) {
    throw badInput(
      `Password must be between ${MIN_PASSWORD_LENGTH} and ${MAX_PASSWORD_LENGTH} characters`,
      field,
    );
  }
  if (isCommonPassword(password)) {
    throw badInput('This password is too common; choose a longer or less predictable one', field);
  }
}
