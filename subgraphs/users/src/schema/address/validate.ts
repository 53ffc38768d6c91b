import { badInput } from '@grahvani/shared';
import type { AddressInput, AddressUpdateInput } from '../../resolvers-types.generated.ts';
import { optionalText, requiredText } from '../../text.ts';

const regions = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

/** An ISO 3166-1 alpha-2 code that CLDR knows, upper-cased. */
function country(value: string): string {
  const code = value.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(code) || code === 'ZZ' || !regions.of(code)) {
    throw badInput('country must be an ISO 3166-1 alpha-2 code', 'country');
  }
  return code;
}

function required<T>(value: T | null | undefined, field: string): T | undefined {
  if (value === null) throw badInput(`${field} cannot be null`, field);
  return value;
}

/** The columns of a new address, validated. */
export function newAddress(input: AddressInput) {
  return {
    type: input.type ?? 'HOME',
    line1: requiredText(input.line1, 'line1', 200),
    line2: optionalText(input.line2, 'line2', 200) ?? null,
    city: requiredText(input.city, 'city', 100),
    state: optionalText(input.state, 'state', 100) ?? null,
    postalCode: optionalText(input.postalCode, 'postalCode', 20) ?? null,
    country: country(input.country),
    isDefault: input.isDefault ?? false,
  };
}

/** The columns an address update names, validated; omitted fields are left out. */
export function addressChanges(input: AddressUpdateInput) {
  const line1 = required(input.line1, 'line1');
  const city = required(input.city, 'city');
  const countryCode = required(input.country, 'country');
  const changes = {
    type: required(input.type, 'type'),
    line1: line1 === undefined ? undefined : requiredText(line1, 'line1', 200),
    line2: optionalText(input.line2, 'line2', 200),
    city: city === undefined ? undefined : requiredText(city, 'city', 100),
    state: optionalText(input.state, 'state', 100),
    postalCode: optionalText(input.postalCode, 'postalCode', 20),
    country: countryCode === undefined ? undefined : country(countryCode),
    isDefault: required(input.isDefault, 'isDefault'),
  };
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) as Partial<
    typeof changes
  >;
}
