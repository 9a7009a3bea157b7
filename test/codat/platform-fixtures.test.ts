// The Platform fixtures and the data type list are Codat's documented ones: equal to the spec's
// examples and enum when the spec is present; without it, the documented required fields and the
// pinned list are still asserted (the test names say which ran).
import { describe, expect, it } from '@jest/globals';
import { DATA_TYPES, dataTypeLabel } from '../../codat/data-refresh.js';
import { companySchema, companyPageSchema } from '../../codat/company.js';
import { pullOperationSchema } from '../../codat/data-refresh.js';
import { examplePointer, platformSpec } from '../support/codat-spec.js';
import * as F from './platform-fixtures.js';

const spec = platformSpec();
const errorRef = (name: string, example: string) =>
  `/components/responses/${name}/content/application~1json/examples/${example}/value`;

const SOURCES: [keyof typeof F, string, string][] = [
  ['COMPANY_WITH_TAG', examplePointer('/companies', 'post', '200', 'With a tag'), '/components/schemas/Company'],
  [
    'COMPANY_SIMPLE',
    examplePointer('/companies/{companyId}', 'get', '200', 'Simple company'),
    '/components/schemas/Company',
  ],
  ['COMPANIES_PAGE', examplePointer('/companies', 'get', '200', 'One company'), '/components/schemas/Companies'],
  ['PULL_OPERATION', '/components/schemas/PullOperation/examples/0', '/components/schemas/PullOperation'],
  [
    'CONNECTIONS_PAGE',
    examplePointer('/companies/{companyId}/connections', 'get', '200', 'Connections'),
    '/components/schemas/Connections',
  ],
  ['ERROR_UNAUTHORIZED', errorRef('Unauthorized', 'Unauthorized'), '/components/schemas/ErrorMessage'],
  ['ERROR_COMPANY_NOT_FOUND', errorRef('Not-Found', 'Company not found'), '/components/schemas/ErrorMessage'],
  [
    'ERROR_CONNECTION_NOT_FOUND',
    errorRef('Not-Found', 'Data connection not found'),
    '/components/schemas/ErrorMessage',
  ],
  ['ERROR_FORBIDDEN', errorRef('Forbidden', 'Conflict'), '/components/schemas/ErrorMessage'],
  ['ERROR_PAYMENT_REQUIRED', errorRef('Payment-Required', 'Conflict'), '/components/schemas/ErrorMessage'],
  ['ERROR_TOO_MANY_REQUESTS', errorRef('Too-Many-Requests', 'Conflict'), '/components/schemas/ErrorMessage'],
  ['ERROR_MALFORMED_QUERY', errorRef('Malformed-Query', 'Malformed query'), '/components/schemas/ErrorMessage'],
  ['ERROR_BAD_REQUEST', errorRef('Bad-Request', 'Malformed query'), '/components/schemas/ErrorMessage'],
  ['ERROR_SERVER', errorRef('Internal-Server-Error', 'Conflict'), '/components/schemas/ErrorMessage'],
  ['ERROR_UNAVAILABLE', errorRef('Service-Unavailable', 'Conflict'), '/components/schemas/ErrorMessage'],
];

describe(
  spec ? 'Platform fixtures = the spec examples' : 'Platform fixtures (spec absent: documented fields only)',
  () => {
    it.each(SOURCES)('%s', (name, example, schema) => {
      const fixture = F[name] as unknown;
      if (spec) {
        expect(fixture).toEqual(spec.at(example));
        expect(spec.errors(schema, fixture)).toEqual([]);
      } else if (schema.endsWith('ErrorMessage')) {
        expect(fixture).toEqual(
          expect.objectContaining({
            statusCode: expect.any(Number),
            error: expect.any(String),
            correlationId: expect.any(String),
          }),
        );
      } else {
        expect(fixture).toEqual(expect.any(Object));
      }
    });

    it('the app parses every documented success body', () => {
      expect(companySchema.safeParse(F.COMPANY_WITH_TAG).success).toBe(true);
      expect(companySchema.safeParse(F.COMPANY_SIMPLE).success).toBe(true);
      expect(companyPageSchema.safeParse(F.COMPANIES_PAGE).success).toBe(true);
      expect(pullOperationSchema.safeParse(F.PULL_OPERATION).success).toBe(true);
    });
  },
);

describe(spec ? 'data types = the spec DataType enum' : 'data types (spec absent: pinned list)', () => {
  it('lists every data type Codat documents, once', () => {
    if (spec) {
      const enumValues = spec.at('/components/schemas/DataStatus/properties/dataType/enum');
      expect([...DATA_TYPES]).toEqual(enumValues);
    } else {
      expect(DATA_TYPES).toHaveLength(43);
      expect(DATA_TYPES).toEqual(expect.arrayContaining(['invoices', 'banking-accounts', 'commerce-orders']));
    }
    expect(new Set(DATA_TYPES).size).toBe(DATA_TYPES.length);
  });

  it('labels them in words', () => {
    expect(dataTypeLabel('accountTransactions')).toBe('Account Transactions');
    expect(dataTypeLabel('banking-accountBalances')).toBe('Banking: Account Balances');
    expect(dataTypeLabel('commerce-companyInfo')).toBe('Commerce: Company Info');
    expect(dataTypeLabel('invoices')).toBe('Invoices');
  });
});
