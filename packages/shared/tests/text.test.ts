// What PostgreSQL text cannot hold: NUL and unpaired UTF-16 surrogates.
import { describe, expect, it } from 'vitest';
import { replaceUnpairedSurrogates, textProblem } from '../src/text.ts';

describe('textProblem', () => {
  it.each(['', 'Ada Lovelace', 'Zoë ☉ 🪐', 'line\nbreak\ttab'])('accepts %j', (text) => {
    expect(textProblem(text)).toBeNull();
  });

  it.each([
    ['a\u0000b', 'NUL'],
    ['\uD800', 'surrogates'],
    ['x\uDC00y', 'surrogates'],
    ['\uDC00\uD800', 'surrogates'],
    ['🪐'.slice(0, 1), 'surrogates'],
  ])('refuses %j', (text, what) => {
    expect(textProblem(text)).toContain(what);
  });
});

describe('replaceUnpairedSurrogates', () => {
  it('replaces lone halves and keeps pairs', () => {
    expect(replaceUnpairedSurrogates('a\uD800b🪐\uDC00', '?')).toBe('a?b🪐?');
  });
});
