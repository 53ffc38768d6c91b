import { createHash } from 'node:crypto';
import { validateClientInput, type ClientData } from '../validation.ts';
import { ValidationError } from '../validationError.ts';
import type { CsvRow } from './csv.ts';
import { cellProblem } from './source.ts';

export type CheckedRow =
  | { row: number; ok: true; data: ClientData; importKey: string }
  | { row: number; ok: false; message: string };

/**
 * The dedupe key of an imported client: a hash of its normalised fields, so a re-run of the
 * same file (or the same person twice in it) lands once per tenant.
 */
export function importKeyOf(data: ClientData): string {
  const normalised = [
    data.name.toLowerCase(),
    data.email,
    data.phone,
    data.gender?.toLowerCase() ?? null,
    data.birthDate?.toISOString().slice(0, 10) ?? null,
    data.birthTime,
    data.birthPlace?.toLowerCase() ?? null,
    data.latitude,
    data.longitude,
    data.timezone,
    [...data.tags].sort(),
  ];
  return createHash('sha256').update(JSON.stringify(normalised)).digest('hex');
}

/** Validates one CSV row like createClient's input; a refusal carries the message to report. */
export function checkRow({ row, cells, problem }: CsvRow): CheckedRow {
  if (problem) return { row, ok: false, message: problem };
  // The checks every GraphQL input gets (inputGuard.ts), here for each cell.
  for (const [field, cell] of Object.entries(cells)) {
    const refusal = cellProblem(cell);
    if (refusal) return { row, ok: false, message: `${field} ${refusal}` };
  }
  try {
    const data = validateClientInput({
      ...cells,
      name: cells.name ?? '',
      tags: cells.tags?.split(';') ?? [],
    });
    return { row, ok: true, data, importKey: importKeyOf(data) };
  } catch (err) {
    if (err instanceof ValidationError) return { row, ok: false, message: err.message };
    throw err;
  }
}
