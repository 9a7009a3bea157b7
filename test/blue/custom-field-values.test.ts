import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import {
  SETTABLE_TYPES,
  asIsoDate,
  customFieldInputFields,
  customFieldKey,
  customFieldValues,
  parseCustomFieldKey,
  type KeyRole,
} from '../../blue/custom-field-values.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
/** Runs customFieldValues with a real z object (its errors are Zapier's). */
const values = (inputData: Record<string, unknown>) =>
  appTester((z) => customFieldValues(z, inputData), { authData: {}, inputData: {} } as never);

describe('custom field input keys', () => {
  it('round-trip every role, type and id (ids may contain underscores, dashes, type names)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<KeyRole>('value', 'end', 'currency'),
        fc.constantFrom(...SETTABLE_TYPES),
        fc.oneof(fc.string({ minLength: 1 }), fc.constantFrom('TEXT_SINGLE_x', 'a_b', 'SELECT_MULTI')),
        (role, type, id) => {
          expect(parseCustomFieldKey(customFieldKey(role, type, id))).toEqual({ role, type, id });
        },
      ),
    );
  });

  it('ignores the static inputs and unknown types', () => {
    for (const key of ['title', 'todoListId', 'cf_FORMULA_x', 'cf_TEXT_SINGLE_', 'cfx_NUMBER_a', 'cf_NUMBER']) {
      expect(parseCustomFieldKey(key)).toBeUndefined();
    }
  });
});

describe('customFieldInputFields', () => {
  it("keeps Blue's order, falls back to a label when the name is blank, and offers no computed field", () => {
    const fields = customFieldInputFields([
      { id: 'b', name: '  ', type: 'NUMBER' },
      { id: 'f', name: 'Total', type: 'FORMULA' },
      { id: 'a', name: 'Amount', type: 'CURRENCY', currency: null, customFieldOptions: null },
    ]);
    expect(fields.map((f) => [f.key, f.label])).toEqual([
      ['cf_NUMBER_b', 'Custom Field b'],
      ['cf_CURRENCY_a', 'Amount'],
      ['cfcur_CURRENCY_a', 'Amount Currency Code'],
    ]);
    // No currency configured on the field: no default code is prefilled.
    expect(fields[2]).not.toHaveProperty('default');
  });
});

describe('customFieldValues', () => {
  it('converts Zapier-typed values (numbers, booleans, epoch seconds) as well as strings', async () => {
    const out = await values({
      cf_NUMBER_n: -0.5,
      cf_CHECKBOX_c: true,
      cf_DATE_d: '1767225600',
      cf_SELECT_MULTI_m: ['x', '', 'y, z'],
      cf_LOCATION_l: '-33.86,151.21',
      title: 'ignored',
    });
    expect(out).toEqual([
      { customFieldId: 'n', value: '-0.5' },
      { customFieldId: 'c', value: 'true' },
      { customFieldId: 'd', value: '2026-01-01T00:00:00.000Z' },
      { customFieldId: 'm', value: 'x,y,z' },
      { customFieldId: 'l', value: '-33.86,151.21' },
    ]);
  });

  it('names the type and id of the field whose value cannot be converted', async () => {
    const err = await caught(values({ cf_TEXT_SINGLE_ok: 'fine', cf_RATING_stars: 'NaN' }));
    expect(err.name).toBe('AppError');
    expect(err.code).toBe('blue_custom_field_invalid');
    expect(err.message).toBe(
      'The value for the Blue rating custom field (id stars) cannot be used: "NaN" is not a number (use digits and a dot for decimals, e.g. 1250.75). ' +
        'Fix the value mapped to that field in this step; nothing was sent to Blue.',
    );
  });

  it('rejects a non-text value for a text field', async () => {
    const err = await caught(values({ cf_TEXT_SINGLE_t: { nested: true } }));
    expect(err.message).toMatch(/text single custom field \(id t\).*expected text/);
  });
});

describe('asIsoDate', () => {
  it('normalises ISO dates with offsets to UTC and rejects nonsense', () => {
    expect(asIsoDate('2026-03-01T10:00:00+02:00')).toBe('2026-03-01T08:00:00.000Z');
    expect(asIsoDate('1767225600000')).toBe('2026-01-01T00:00:00.000Z');
    expect(() => asIsoDate('31/02/2026')).toThrow(/is not a date/);
  });
});

describe('asIsoDate with digits only', () => {
  it('reads 9-10 digits as epoch seconds and 11-13 as epoch milliseconds', () => {
    expect(asIsoDate('1767225600')).toBe('2026-01-01T00:00:00.000Z');
    expect(asIsoDate(1767225600000)).toBe('2026-01-01T00:00:00.000Z');
  });

  it('does not turn a year or a compact YYYYMMDD date into a 1970 timestamp', () => {
    expect(asIsoDate('2026')).toBe('2026-01-01T00:00:00.000Z');
    expect(() => asIsoDate('20260301')).toThrow(/is not a date/);
  });
});

describe('number values keep their digits', () => {
  const z = { errors: { Error } } as unknown as Parameters<typeof customFieldValues>[0];
  const value = (raw: unknown) => customFieldValues(z, { cf_NUMBER_f1: raw })[0]?.value;

  it.each([
    ['12345678901234567890.12', '12345678901234567890.12'],
    ['1250.750', '1250.75'],
    ['+007.50', '7.5'],
    ['-.5', '-0.5'],
    ['-0', '0'],
    ['10.', '10'],
    ['1e21', '1000000000000000000000'],
    ['1.5e-7', '0.00000015'],
    [1e21, '1000000000000000000000'],
    [0.0000001, '0.0000001'],
  ])('%p -> %s', (raw, expected) => {
    expect(value(raw)).toBe(expected);
  });
});
