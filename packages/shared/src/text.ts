// Hand-written: String.prototype.isWellFormed needs ES2024 typings, and no kept library
// answers the one question here (what PostgreSQL's UTF-8 text cannot hold).
const UNPAIRED_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNPAIRED_SURROGATES = new RegExp(UNPAIRED_SURROGATE.source, 'g');

/**
 * Why PostgreSQL could not store this text faithfully, or null: it refuses NUL (U+0000) in
 * text and JSON, and an unpaired UTF-16 surrogate has no UTF-8 form (it would be stored as
 * U+FFFD, silently changing the value).
 */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters (U+0000)';
  if (UNPAIRED_SURROGATE.test(value)) return 'must not contain unpaired surrogates';
  return null;
}

/** The text with every unpaired surrogate replaced by `by`. */
export function replaceUnpairedSurrogates(value: string, by: string): string {
  return value.replace(UNPAIRED_SURROGATES, by);
}
