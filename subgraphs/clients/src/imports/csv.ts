import { CsvError, parse } from 'csv-parse/sync';
import type { ClientFieldsInput } from '../validation.ts';
import { ValidationError } from '../validationError.ts';

/** Largest accepted CSV text. */
export const MAX_CSV_BYTES = 5 * 1024 * 1024;
/** Most data rows accepted in one import. */
export const MAX_CSV_ROWS = 10_000;

type Column = Exclude<keyof ClientFieldsInput, 'tags'> | 'tags';

/** Header names (lower-cased, without spaces, _ or -) and the field each maps to. */
export const COLUMNS: Record<string, Column> = {
  name: 'name',
  fullname: 'name',
  email: 'email',
  phone: 'phone',
  gender: 'gender',
  birthdate: 'birthDate',
  dateofbirth: 'birthDate',
  dob: 'birthDate',
  birthtime: 'birthTime',
  timeofbirth: 'birthTime',
  birthplace: 'birthPlace',
  placeofbirth: 'birthPlace',
  latitude: 'latitude',
  lat: 'latitude',
  longitude: 'longitude',
  lng: 'longitude',
  lon: 'longitude',
  timezone: 'timezone',
  tz: 'timezone',
  tags: 'tags',
};

/** One data row: its number as a spreadsheet shows it (header = 1) and its cells by field. */
export interface CsvRow {
  row: number;
  cells: Partial<Record<Column, string>>;
  /** Why the row cannot be read at all (e.g. more cells than header columns). */
  problem?: string;
}

/**
 * Parses CSV text with a header row into rows keyed by field. Limits and a malformed file
 * (unclosed quote, unknown or missing column) are a ValidationError on `csv`; problems of single
 * rows are left to the row validation so that the other rows still import.
 */
export function parseClientCsv(text: string): CsvRow[] {
  if (Buffer.byteLength(text, 'utf8') > MAX_CSV_BYTES) {
    throw new ValidationError('csv', 'csv must be at most 5 MB');
  }
  let records: string[][];
  try {
    records = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (err) {
    if (err instanceof CsvError)
      throw new ValidationError('csv', `csv is malformed: ${err.message}`);
    throw err;
  }
  const [header, ...data] = records;
  if (!header) throw new ValidationError('csv', 'csv needs a header row');
  const columns = header.map((cell) => {
    const key = cell
      .trim()
      .toLowerCase()
      .replace(/[\s_-]/g, '');
    const column = COLUMNS[key];
    if (!column) throw new ValidationError('csv', `csv has an unknown column "${cell.trim()}"`);
    return column;
  });
  const duplicate = columns.find((column, i) => columns.indexOf(column) !== i);
  if (duplicate) throw new ValidationError('csv', `csv has the column ${duplicate} twice`);
  if (!columns.includes('name')) throw new ValidationError('csv', 'csv needs a name column');
  const rows: CsvRow[] = [];
  data.forEach((record, index) => {
    // A blank line is no row to import, but it keeps its number in the spreadsheet.
    if (record.every((cell) => cell.trim() === '')) return;
    const cells: CsvRow['cells'] = {};
    columns.forEach((column, i) => {
      const value = record[i];
      if (value !== undefined) cells[column] = value;
    });
    const problem =
      record.length > columns.length
        ? `has ${record.length} cells but the header has ${columns.length} columns`
        : undefined;
    rows.push({ row: index + 2, cells, ...(problem ? { problem } : {}) });
  });
  if (rows.length > MAX_CSV_ROWS) {
    throw new ValidationError(
      'csv',
      `csv has ${rows.length} rows; at most ${MAX_CSV_ROWS} per import`,
    );
  }
  return rows;
}
