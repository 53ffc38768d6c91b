import { replaceUnpairedSurrogates, textProblem } from '@grahvani/shared';

// Stand-ins for what PostgreSQL cannot store in the kept source text: Unicode noncharacters,
// which are valid UTF-8 but never meaningful in interchanged text, so a cell holding one is
// refused on resume exactly as the original character was refused at once.
const NUL_STAND_IN = '\uFDD0';
const SURROGATE_STAND_IN = '\uFDD1';

/**
 * The CSV text as it can be stored (to resume a background import) and parsed (the CSV parser
 * would turn an unpaired surrogate into U+FFFD unseen): NUL and unpaired surrogates replaced by
 * stand-ins, so the rows holding them fail, one by one, now and on resume.
 */
export function storableSource(csv: string): string {
  return replaceUnpairedSurrogates(csv.replaceAll('\u0000', NUL_STAND_IN), SURROGATE_STAND_IN);
}

/** Why a cell cannot be imported as text (PostgreSQL's limits), or null. */
export function cellProblem(cell: string): string | null {
  if (cell.includes(NUL_STAND_IN)) return textProblem('\u0000');
  if (cell.includes(SURROGATE_STAND_IN)) return textProblem('\uD800');
  return textProblem(cell);
}
