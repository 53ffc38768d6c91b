// The README's table of CSV import columns is the one the import reads (imports/csv.ts).
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { COLUMNS } from '../subgraphs/clients/src/imports/csv.ts';

it('lists every accepted CSV header, and no other, under its field', () => {
  const readme = readFileSync('README.md', 'utf8');
  const table = readme.slice(
    readme.indexOf('| field '),
    readme.indexOf('\n\n', readme.indexOf('| field ')),
  );
  const documented: Record<string, string> = {};
  for (const line of table.split('\n').slice(2)) {
    const [, field, headers] = line.split('|').map((cell) => cell.trim());
    for (const header of headers!.matchAll(/`([^`]+)`/g)) {
      documented[header[1]!] = field!.replace(/`/g, '');
    }
  }
  expect(documented).toEqual(COLUMNS);
});
