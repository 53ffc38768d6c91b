// Reading an import's CSV: header aliases, file-level refusals (a ValidationError on csv, which
// importClients answers as BAD_USER_INPUT), row numbers as a spreadsheet shows them, and per-row
// checks that let the other rows import.
import { describe, expect, it } from 'vitest';
import { MAX_CSV_ROWS, parseClientCsv } from '../src/imports/csv.ts';
import { checkRow, importKeyOf } from '../src/imports/rows.ts';
import { ValidationError } from '../src/validationError.ts';

function refusal(text: string): unknown {
  try {
    parseClientCsv(text);
  } catch (err) {
    if (err instanceof ValidationError) return ['refused', err.field];
    throw err;
  }
  return 'accepted';
}

describe('parseClientCsv', () => {
  it('maps header aliases, case, spaces, _ and - to fields', () => {
    const [row] = parseClientCsv(
      'Full Name,E-mail,date_of_birth,Time of Birth,Place-of-birth,lat,lng,TZ,Tags\n' +
        'Ada,ada@example.com,1815-12-10,06:00,London,51.5,-0.12,Europe/London,a;b\n',
    );
    expect(row).toEqual({
      row: 2,
      cells: {
        name: 'Ada',
        email: 'ada@example.com',
        birthDate: '1815-12-10',
        birthTime: '06:00',
        birthPlace: 'London',
        latitude: '51.5',
        longitude: '-0.12',
        timezone: 'Europe/London',
        tags: 'a;b',
      },
    });
  });

  it('keeps spreadsheet row numbers across blank lines and a BOM', () => {
    const rows = parseClientCsv('\uFEFFname\nAda\n\n,\nGrace\n');
    expect(rows.map((r) => [r.row, r.cells.name])).toEqual([
      [2, 'Ada'],
      [5, 'Grace'],
    ]);
  });

  it('marks a row with more cells than columns, and leaves the others alone', () => {
    const rows = parseClientCsv('name,email\nAda,a@example.com,extra\nGrace,g@example.com\n');
    expect(rows[0]?.problem).toContain('3 cells');
    expect(rows[1]?.problem).toBeUndefined();
  });

  it.each([
    ['an unknown column', 'name,star sign\nAda,Leo\n'],
    ['a column twice', 'name,full name\nAda,Ada\n'],
    ['no name column', 'email\na@example.com\n'],
    ['no header', ''],
    ['an unclosed quote', 'name\n"Ada\n'],
  ])('refuses %s on csv', (_, text) => {
    expect(refusal(text)).toEqual(['refused', 'csv']);
  });

  it(`refuses more than ${MAX_CSV_ROWS} rows`, () => {
    const text = `name\n${'x\n'.repeat(MAX_CSV_ROWS + 1)}`;
    expect(refusal(text)).toEqual(['refused', 'csv']);
    expect(parseClientCsv(`name\n${'x\n'.repeat(MAX_CSV_ROWS)}`)).toHaveLength(MAX_CSV_ROWS);
  });
});

describe('checkRow', () => {
  it('validates a row as createClient would and gives it a dedupe key', () => {
    const checked = checkRow({ row: 2, cells: { name: 'Ada', tags: 'b;a' } });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.data.tags).toEqual(['b', 'a']);
    expect(checked.importKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses a row with its reason, without throwing', () => {
    expect(checkRow({ row: 3, cells: { name: '' } })).toEqual({
      row: 3,
      ok: false,
      message: 'name is required',
    });
    expect(checkRow({ row: 4, cells: { name: 'A\u0000' } })).toMatchObject({ ok: false });
    expect(checkRow({ row: 5, cells: { name: 'Ada', birthDate: '1815-13-45' } })).toMatchObject({
      ok: false,
    });
    expect(checkRow({ row: 6, cells: { name: 'Ada' }, problem: 'too many cells' })).toEqual({
      row: 6,
      ok: false,
      message: 'too many cells',
    });
  });
});

describe('importKeyOf', () => {
  const data = (name: string, tags: string[]) => {
    const checked = checkRow({ row: 2, cells: { name, tags: tags.join(';') } });
    if (!checked.ok) throw new Error(checked.message);
    return checked.data;
  };

  it('is the same for the same person whatever the case of the name or order of tags', () => {
    expect(importKeyOf(data('Ada', ['x', 'y']))).toBe(importKeyOf(data('ADA', ['y', 'x'])));
  });

  it('differs when a field differs', () => {
    expect(importKeyOf(data('Ada', ['x']))).not.toBe(importKeyOf(data('Ada', ['z'])));
  });
});
