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
    expect(customFieldValues({ customFieldId: 'cf-1', value: 'X' })).toEqual([
      { id: 'cf-1', name: null, type: null, value: 'X', tokens: ['X'], untitled: [] },
    ]);
    expect(
      customFieldValues({ customField: { id: 'cf-2', selectedOption: { id: 'opt-1', title: 'Confirmed' } } }),
    ).toMatchObject([{ id: 'cf-2', value: 'Confirmed', tokens: ['opt-1', 'Confirmed'], untitled: [] }]);
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
    expect(
      matchesCustomFieldFilter({ customFieldId: 'cf-status', value: 'confirmed' }, todo('Confirmed'), todo('Pending')),
    ).toBe(true);
    expect(
      matchesCustomFieldFilter({ customFieldId: 'cf-status', value: 'Confirmed' }, todo('Pending'), todo('New')),
    ).toBe(false);
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
          {
            id: 'row-2',
            customFieldId: 'cf-amount',
            number: 12.5,
            customField: { id: 'cf-amount', name: 'Amount', type: 'NUMBER' },
          },
          { id: 'row-3', customField: { id: 'cf-stage' }, customFieldOption: { id: 'opt-1', title: 'Closed' } },
          { id: 'row-4', value: 'no field id' },
          'junk',
        ]),
      ),
    ).toMatchObject([
      { id: 'cf-status', tokens: ['Won'] },
      { id: 'cf-amount', name: 'Amount', type: 'NUMBER', tokens: ['12.5'] },
      { id: 'cf-stage', value: 'Closed', tokens: ['opt-1', 'Closed'] },
    ]);
    expect(customFieldValues(entity([{ id: 'row-4', value: 'no field id' }]))).toEqual([]);
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

  // Option ids as Blue writes them (cuids); a dropdown value delivered by id only.
  const OPT_CONFIRMED = 'clb4zna6x0000vt1swuwso25f';
  const OPT_PENDING = 'clb4zna6x0000vt1swuwso26g';
  const lookup = {
    users: new Map(),
    tags: new Map(),
    lists: new Map(),
    projects: new Map(),
    fields: new Map([['cf-stage', { name: 'Stage', type: 'SELECT_SINGLE' }]]),
    options: new Map([
      [OPT_CONFIRMED, 'Confirmed'],
      [OPT_PENDING, 'Pending'],
    ]),
  };

  it.each([
    ['{customFieldId, value: optionId}', { customFieldId: 'cf-stage', value: OPT_CONFIRMED }],
    [
      '{customFieldId, value, customField}',
      {
        customFieldId: 'cf-stage',
        value: OPT_CONFIRMED,
        customField: { id: 'cf-stage', name: 'Stage', type: 'SELECT_SINGLE' },
      },
    ],
    ['{customFieldId, customFieldOptionId}', { customFieldId: 'cf-stage', customFieldOptionId: OPT_CONFIRMED }],
    [
      '{customFieldId, customFieldOption: {id}}',
      { customFieldId: 'cf-stage', customFieldOption: { id: OPT_CONFIRMED } },
    ],
    [
      '{customFieldId, todoCustomFieldOptions}',
      { customFieldId: 'cf-stage', todoCustomFieldOptions: [{ customFieldOptionId: OPT_CONFIRMED }] },
    ],
  ])('an option by id only (%s) matches its title only with the lookup, and its id always', (_form, row) => {
    const after = entity([row]);
    const before = entity([]);
    expect(customFieldValues(after)[0]!.untitled).toEqual([OPT_CONFIRMED]);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-stage', value: 'Confirmed' }, after, before)).toBe(false);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-stage', value: 'confirmed' }, after, before, lookup)).toBe(
      true,
    );
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-stage', value: 'Pending' }, after, before, lookup)).toBe(
      false,
    );
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-stage', value: OPT_CONFIRMED }, after, before)).toBe(true);
    expect(customFieldValues(after, lookup)[0]).toMatchObject({ name: 'Stage', value: 'Confirmed', untitled: [] });
  });

  it('a multi-select written as comma-separated option ids matches any of its titles', () => {
    const after = entity([{ customFieldId: 'cf-stage', value: `${OPT_CONFIRMED},${OPT_PENDING}` }]);
    expect(customFieldValues(after)[0]!.untitled).toEqual([OPT_CONFIRMED, OPT_PENDING]);
    expect(matchesCustomFieldFilter({ value: 'pending' }, after, null, lookup)).toBe(true);
    expect(customFieldValues(after, lookup)[0]!.value).toBe('Confirmed, Pending');
  });

  it('matches the field by its name as well as its id', () => {
    const after = entity([{ customFieldId: 'cf-stage', value: 'Won' }]);
    expect(matchesCustomFieldFilter({ customFieldId: 'stage' }, after, null)).toBe(false);
    expect(matchesCustomFieldFilter({ customFieldId: 'stage' }, after, null, lookup)).toBe(true);
    expect(matchesCustomFieldFilter({ customFieldId: 'Other' }, after, null, lookup)).toBe(false);
  });

  it('compares previous and current values as Blue sent them (ids), so an unchanged option is no change', () => {
    const row = { customFieldId: 'cf-stage', value: OPT_CONFIRMED };
    const other = (v: string) => ({ customFieldId: 'cf-notes', value: v });
    expect(
      matchesCustomFieldFilter({ value: 'Confirmed' }, entity([row, other('b')]), entity([row, other('a')]), lookup),
    ).toBe(false);
    expect(
      matchesCustomFieldFilter(
        { value: 'Confirmed' },
        entity([row]),
        entity([{ customFieldId: 'cf-stage', value: OPT_PENDING }]),
        lookup,
      ),
    ).toBe(true);
  });

  it('counts a cleared field as a change of that field (never as a value match)', () => {
    const before = entity([{ customFieldId: 'cf-stage', value: OPT_CONFIRMED }]);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-stage' }, entity([]), before)).toBe(true);
    expect(
      matchesCustomFieldFilter({ customFieldId: 'cf-stage', value: 'Confirmed' }, entity([]), before, lookup),
    ).toBe(false);
  });

  it('never counts a field that is empty before and after as changed', () => {
    // todo(id:) lists every field of the project, most without a value.
    const fetched = {
      id: 't1',
      customFields: [
        { id: 'cf-stage', name: 'Stage', type: 'SELECT_SINGLE', value: null },
        { id: 'cf-notes', name: 'Notes', value: 'x' },
      ],
    };
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-stage' }, fetched, null)).toBe(false);
    expect(matchesCustomFieldFilter({ customFieldId: 'cf-notes' }, fetched, null)).toBe(true);
    expect(
      matchesCustomFieldFilter(
        { customFieldId: 'cf-stage' },
        entity([{ customFieldId: 'cf-stage', value: null }]),
        entity([]),
      ),
    ).toBe(false);
  });
});
