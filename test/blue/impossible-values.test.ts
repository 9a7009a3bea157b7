// Create Todo refuses impossible values before sending anything (issue 13.6): non-finite numbers,
// days that do not exist, and bare numbers that JavaScript would read as some date.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier from 'zapier-platform-core';
import App from '../../index.js';
import { createTodo } from '../../blue/record-create.js';
import { asIsoDate, customFieldValues } from '../../blue/custom-field-values.js';
import { caught } from '../support/errors.js';

const appTester = zapier.createAppTester(App);
const authData = {
  blueTokenId: 'tok-id-1',
  blueTokenSecret: 'tok-secret-impossible',
  blueCompanyId: 'acme',
  blueProjectId: 'proj-1',
};
const run = (inputData: Record<string, unknown>) => appTester(createTodo as never, { authData, inputData } as never);
const z = { errors: { Error } } as unknown as Parameters<typeof customFieldValues>[0];

beforeAll(() => {
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
});
afterAll(() => {
  nock.enableNetConnect();
  nock.restore();
});

describe('numbers', () => {
  it.each([
    ['NUMBER', '1e309'],
    ['CURRENCY', '1e309'],
    ['PERCENT', '1e309%'],
    ['RATING', '-1e309'],
    ['NUMBER', '9'.repeat(400)],
    ['NUMBER', Number.POSITIVE_INFINITY],
    ['NUMBER', Number.NaN],
  ])('%s %p is refused before sending, naming the field and the accepted form', async (type, raw) => {
    nock.disableNetConnect();
    const scope = nock('https://api.blue.cc').post('/graphql').reply(200, {});
    const err = await caught(run({ todoListId: 'list-1', title: 'T', [`cf_${type}_f1`]: raw }));
    expect(err.code).toBe('blue_custom_field_invalid');
    expect(err.message).toMatch(
      new RegExp(
        `The value for the Blue ${type.toLowerCase()} custom field \\(id f1\\) cannot be used: .*(not a finite number|too large)`,
      ),
    );
    expect(err.message).toMatch(/use digits and a dot for decimals, e\.g\. 1250\.75/);
    expect(err.message).not.toContain('∞');
    expect(scope.isDone()).toBe(false);
    nock.cleanAll();
  });

  it('still sends large finite numbers digit for digit', () => {
    expect(customFieldValues(z, { cf_NUMBER_f1: '1e308' })[0]!.value).toBe(`1${'0'.repeat(308)}`);
  });
});

describe('dates', () => {
  it.each([
    '2026-02-31',
    '02/31/2026',
    '2026-02-29',
    '2026-04-31T10:00:00Z',
    '2026-02-28T25:00:00Z',
    'February 30, 2026',
    '31 Apr 2026',
    'Tue, 31 Feb 2026 09:00:00 GMT',
  ])('%s, a day or time that does not exist, is refused', (text) => {
    expect(() => asIsoDate(text)).toThrow(
      /is not a date: no such day or time in the calendar \(use YYYY-MM-DD.*MM\/DD\/YYYY/,
    );
  });

  it.each(['0', '12', '123', '20260301', '-1', '1.5', 'x 12', '2026/02/03'])(
    '%s, which JavaScript would read as some date, is refused',
    (text) => {
      expect(() => asIsoDate(text)).toThrow(/is not a date.*use YYYY-MM-DD/);
    },
  );

  it.each([
    ['2026-02-28', '2026-02-28T00:00:00.000Z'],
    ['2028-02-29', '2028-02-29T00:00:00.000Z'],
    ['2026-03-01T09:00:00+02:00', '2026-03-01T07:00:00.000Z'],
    ['2026-03-01 09:00', '2026-03-01T09:00:00.000Z'],
    ['12/31/2026', '2026-12-31T00:00:00.000Z'],
    ['3/1/2026', '2026-03-01T00:00:00.000Z'],
    ['March 1, 2026', '2026-03-01T00:00:00.000Z'],
    ['1 Mar 2026', '2026-03-01T00:00:00.000Z'],
    ['Tue, 01 Dec 2026 09:00:00 GMT', '2026-12-01T09:00:00.000Z'],
    ['2026', '2026-01-01T00:00:00.000Z'],
    ['1767225600', '2026-01-01T00:00:00.000Z'],
  ])('%s is read as %s', (text, iso) => {
    expect(asIsoDate(text)).toBe(iso);
  });

  it.each([
    [
      { cf_DATE_f2: '2026-02-31' },
      /The value for the Blue date custom field \(id f2\) cannot be used: "2026-02-31" is not a date/,
    ],
    [
      { cf_DATE_f2: '2026-03-01', cfend_DATE_f2: '02/31/2026' },
      /date custom field \(id f2\).*"02\/31\/2026" is not a date/,
    ],
    [{ duedAt: '0' }, /Due Date "0" is not a date/],
    [{ startedAt: '12' }, /Start Date "12" is not a date/],
  ])('Create Todo refuses %p before sending anything', async (fields, message) => {
    nock.disableNetConnect();
    const scope = nock('https://api.blue.cc').post('/graphql').reply(200, {});
    const err = await caught(run({ todoListId: 'list-1', title: 'T', ...fields }));
    expect(err.name).toBe('AppError');
    expect(err.message).toMatch(message);
    expect(scope.isDone()).toBe(false);
    nock.cleanAll();
  });
});
