import { describe, expect, it } from '@jest/globals';
import { customFieldValues, matchesCustomFieldFilter } from '../../blue/custom-field-filter.js';

const todo = (value: unknown) => ({
  id: 't1',
  customFields: [
    { id: 'cf-status', name: 'Status', value },
    { id: 'cf-amount', name: 'Amount', number: 12 },
  ],
});

describe('custom field filter', () => {
  it('reads single-value and whole-record shapes', () => {
    expect(customFieldValues({ customFieldId: 'cf-1', value: 'X' })).toEqual([{ id: 'cf-1', values: ['X'] }]);
    expect(customFieldValues({ customField: { id: 'cf-2', selectedOption: { id: 'opt-1', title: 'Confirmed' } } })).toEqual([
      { id: 'cf-2', values: ['opt-1', 'Confirmed'] },
    ]);
    expect(customFieldValues(todo('A')).map((f) => f.id)).toEqual(['cf-status', 'cf-amount']);
    expect(customFieldValues(null)).toEqual([]);
  });

  it('passes everything without a filter', () => {
    expect(matchesCustomFieldFilter({}, todo('A'), null)).toBe(true);
  });

  it('matches on the chosen field only when it changed', () => {
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-status' }, todo('B'), todo('A'))).toBe(true);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-status' }, todo('A'), todo('A'))).toBe(false);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-missing' }, todo('A'), null)).toBe(false);
  });

  it('matches the value by text, option title or option id, ignoring case', () => {
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-status', value: 'confirmed' }, todo('Confirmed'), todo('Pending'))).toBe(true);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-status', value: 'Confirmed' }, todo('Pending'), todo('New'))).toBe(false);
    const option = { customFieldId: 'cf-status', selectedOption: { id: 'opt-9', title: 'Shipped' } };
    expect(matchesCustomFieldFilter({ value: 'shipped' }, option, null)).toBe(true);
    expect(matchesCustomFieldFilter({ value: 'opt-9' }, option, null)).toBe(true);
    expect(matchesCustomFieldFilter({ value: '12' }, todo('x'), null)).toBe(true);
  });

  // Blue delivers the stored record: values as TodoCustomField join rows (API notes, section 4).
  const entity = (rows: unknown[]) => ({ id: 't1', title: 'T', todoCustomFields: rows });

  it('reads the join rows of a delivered record, in every plausible form', () => {
    expect(
      customFieldValues(
        entity([
          { id: 'row-1', customFieldId: 'cf-status', value: 'Won' },
          { id: 'row-2', customFieldId: 'cf-amount', number: 12.5, customField: { id: 'cf-amount', name: 'Amount', type: 'NUMBER' } },
          { id: 'row-3', customField: { id: 'cf-stage' }, customFieldOption: { id: 'opt-1', title: 'Closed' } },
          { id: 'row-4', value: 'no field id' },
          'junk',
        ]),
      ),
    ).toEqual([
      { id: 'cf-status', values: ['Won'] },
      { id: 'cf-amount', values: ['12.5'] },
      { id: 'cf-stage', values: ['opt-1', 'Closed'] },
    ]);
  });

  it('filters a real delivery by field and value', () => {
    const before = entity([{ customFieldId: 'cf-status', value: 'Pending' }]);
    const after = entity([{ customFieldId: 'cf-status', value: 'Won' }]);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-status', value: 'won' }, after, before)).toBe(true);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-status', value: 'Won' }, before, after)).toBe(false);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-other' }, after, before)).toBe(false);
    const option = entity([{ customFieldId: 'cf-stage', customFieldOption: { id: 'opt-1', title: 'Closed' } }]);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-stage', value: 'closed' }, option, entity([]))).toBe(true);
  });
});
