// Update Record's custom fields: Create's inputs and checks, sent as setTodoCustomField's typed
// members (the input types of Blue's schema, SetTodoCustomFieldInput).
import { describe, expect, it } from '@jest/globals';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { customFieldKey } from '../../blue/custom-field-values.js';
import { setCustomFieldValues } from '../../blue/custom-field-set.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
const run = (inputData: Record<string, unknown>) =>
  appTester((z) => setCustomFieldValues(z, inputData), { authData: {}, inputData: {} } as never);
const key = customFieldKey;

describe('setCustomFieldValues', () => {
  it('puts each type in the member Blue reads for it', async () => {
    const result = await run({
      [key('value', 'TEXT_SINGLE', 'f1')]: ' ACME ',
      [key('value', 'EMAIL', 'f2')]: 'jane@example.com',
      [key('value', 'NUMBER', 'f3')]: '1250.75',
      [key('value', 'PERCENT', 'f4')]: '42.5%',
      [key('value', 'CURRENCY', 'f5')]: 100.5,
      [key('currency', 'CURRENCY', 'f5')]: 'eur',
      [key('value', 'CURRENCY', 'f6')]: '7',
      [key('value', 'CHECKBOX', 'f7')]: 'no',
      [key('value', 'DATE', 'f8')]: '2026-03-01',
      [key('value', 'DATE', 'f9')]: '2026-03-01',
      [key('end', 'DATE', 'f9')]: '2026-03-05',
      [key('value', 'SELECT_SINGLE', 'f10')]: 'opt-1',
      [key('value', 'SELECT_MULTI', 'f11')]: ['opt-1', 'opt-2,opt-3'],
      [key('value', 'COUNTRY', 'f12')]: 'us',
      [key('value', 'COUNTRY', 'f13')]: 'United Kingdom',
      [key('value', 'LOCATION', 'f14')]: '48.8584, 2.2945',
      [key('value', 'PHONE', 'f15')]: '+1 234 567 8900',
    });
    expect(result).toEqual([
      { customFieldId: 'f1', text: ' ACME ' }, // text as entered, as Create sends it
      { customFieldId: 'f2', text: 'jane@example.com' },
      { customFieldId: 'f3', number: 1250.75 },
      { customFieldId: 'f4', number: 42.5 },
      { customFieldId: 'f5', number: 100.5, currency: 'EUR' },
      { customFieldId: 'f6', number: 7 },
      { customFieldId: 'f7', checked: false },
      { customFieldId: 'f8', startDate: '2026-03-01T00:00:00.000Z', endDate: '2026-03-01T00:00:00.000Z' },
      { customFieldId: 'f9', startDate: '2026-03-01T00:00:00.000Z', endDate: '2026-03-05T00:00:00.000Z' },
      { customFieldId: 'f10', customFieldOptionId: 'opt-1' },
      { customFieldId: 'f11', customFieldOptionIds: ['opt-1', 'opt-2', 'opt-3'] },
      { customFieldId: 'f12', countryCodes: ['US'] },
      { customFieldId: 'f13', text: 'United Kingdom' },
      { customFieldId: 'f14', latitude: 48.8584, longitude: 2.2945 },
      { customFieldId: 'f15', text: '+1 234 567 8900' },
    ]);
  });

  it('changes nothing for empty inputs and ignores keys that are not custom fields', async () => {
    expect(
      await run({ title: 'x', [key('value', 'NUMBER', 'f3')]: '', [key('value', 'SELECT_MULTI', 'f11')]: [] }),
    ).toEqual([]);
  });

  it('refuses what Create refuses, naming the field, before anything is sent', async () => {
    const err = await caught(run({ [key('value', 'NUMBER', 'f3')]: 'twelve' }));
    expect(err.code).toBe('blue_custom_field_invalid');
    expect(err.message).toMatch(/number custom field \(id f3\).*"twelve" is not a number.*nothing was sent/);
  });
});
