// Codat Platform API bodies as the Platform spec documents them (its examples, verbatim), so the
// parsers are tested with what Codat sends. test/codat/platform-fixtures.test.ts checks each one
// against the spec when ../shared/reference is present.

/** POST /companies 200, example "With a tag". */
export const COMPANY_WITH_TAG = {
  id: 'ab12c58d-a678-4ebf-a159-ae99e1807bd0',
  name: 'Technicalium',
  description: '',
  platform: '',
  redirect: 'https://link.codat.io/company/ab12c58d-a678-4ebf-a159-ae99e1807bd0',
  dataConnections: [],
  created: '2022-11-10T10:45:18.1950523Z',
  createdByUserName: 'Dan Tzabar',
  products: ['spend-insights'],
  tags: {
    region: 'us',
  },
  referenceSubsidiaryCompanies: [],
};

/** GET /companies/{companyId} 200, example "Simple company". */
export const COMPANY_SIMPLE = {
  id: 'ab12c58d-a678-4ebf-a159-ae99e1807bd0',
  name: 'Toft stores holdings',
  description: '',
  platform: '',
  redirect: 'https://link.codat.io/company/ab12c58d-a678-4ebf-a159-ae99e1807bd0',
  dataConnections: [],
  created: '2022-11-10T10:45:18Z',
  createdByUserName: 'Dan Tzabar',
  products: ['spend-insights', 'lending', 'expenses-v1', 'commerce'],
  referenceSubsidiaryCompanies: [],
};

/** GET /companies 200, example "One company". */
export const COMPANIES_PAGE = {
  results: [
    {
      id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
      name: 'My Test Company',
      description: 'My Test Company make testing software',
      platform: '',
      redirect: 'https://link.codat.io/company/3fa85f64-5717-4562-b3fc-2c963f66afa6',
      lastSync: '2022-01-01T12:30:00.000Z',
      dataConnections: [
        {
          id: '51baa045-4836-4317-a42e-3542e991e581',
          integrationId: '1c312d69-e638-46d4-ad31-72e6c3ba8390',
          integrationKey: 'vjms',
          sourceId: '396c3158-5dd7-481b-a7c4-a795ca31792b',
          platformName: 'Pandle',
          linkUrl:
            'https://link-api.codat.io/companies/3fa85f64-5717-4562-b3fc-2c963f66afa6/connections/51baa045-4836-4317-a42e-3542e991e581/start',
          status: 'Linked',
          lastSync: '2022-01-01T12:30:00.000Z',
          created: '2022-01-01T11:30:00Z',
          sourceType: 'Accounting',
        },
      ],
      created: '2022-01-01T11:30:00Z',
      createdByUserName: 'Mike Smith',
      products: ['spend-insights', 'lending', 'expenses-v1', 'commerce'],
      referenceSubsidiaryCompanies: [],
    },
  ],
  pageNumber: 1,
  pageSize: 100,
  totalResults: 1,
  _links: {
    current: {
      href: '/companies?page=1&pageSize=100',
    },
    self: {
      href: '/companies',
    },
  },
};

/** PullOperation schema example. */
export const PULL_OPERATION = {
  id: '97d60846-f07a-4d42-b5a0-0bdcc6ebf56b',
  companyId: '4645bd78-8988-45bc-ac9e-67ba5df6e4e5',
  connectionId: '51baa045-4836-4317-a42e-3542e991e581',
  dataType: 'invoices',
  status: 'Initial',
  statusDescription: 'Paused until 2022-10-23T00:00:00.000Z',
  requested: '2022-11-14T11:18:37.2798351Z',
  progress: 10,
  isCompleted: false,
  isErrored: false,
};

/** GET /companies/{companyId}/connections 200, example "Connections". */
export const CONNECTIONS_PAGE = {
  results: [
    {
      id: 'ee2eb431-c0fa-4dc9-93fa-d29781c12bcd',
      integrationId: 'bf083d72-62c7-493e-aec9-81b4dbba7e2c',
      integrationKey: 'dfxm',
      sourceId: 'bdd831ce-eebd-4896-89a7-20e5ee8989ee',
      platformName: 'Basiq',
      linkUrl:
        'https://link-api.codat.io/companies/86bd88cb-44ab-4dfb-b32f-87b19b14287f/connections/ee2eb431-c0fa-4dc9-93fa-d29781c12bcd/start',
      status: 'Linked',
      lastSync: '2022-10-27T10:22:43.6464237Z',
      created: '2022-10-27T09:53:29Z',
      sourceType: 'Banking',
    },
  ],
  pageNumber: 0,
  pageSize: 0,
  totalResults: 0,
  _links: {
    self: {
      href: 'string',
    },
    current: {
      href: 'string',
    },
    next: {
      href: 'string',
    },
    previous: {
      href: 'string',
    },
  },
};

/** responses/Unauthorized. */
export const ERROR_UNAUTHORIZED = {
  statusCode: 401,
  service: 'PublicApi',
  error: 'Unauthorized',
  correlationId: '7eb40d6b415d7bcd99ce658268284056',
  canBeRetried: 'Unknown',
  detailedErrorCode: 0,
};

/** responses/Not-Found, "Company not found". */
export const ERROR_COMPANY_NOT_FOUND = {
  statusCode: 404,
  service: 'ClientsApi',
  error: 'No company was found with ID 846ed55c-974b-4392-a1f1-87b6fdbf3c5e',
  correlationId: '0a40c2f31fc8f992fb88b0853e4166f3',
  canBeRetried: 'Unknown',
  detailedErrorCode: 0,
};

/** responses/Not-Found, "Data connection not found". */
export const ERROR_CONNECTION_NOT_FOUND = {
  statusCode: 404,
  service: 'PublicApi',
  error: 'Data connection a22dd66b-564a-4832-9b37-7b3ce4aeb7de not found',
  correlationId: '8fa2b5f4794970a4ee73758f612e8df0',
  canBeRetried: 'Unknown',
  detailedErrorCode: 0,
};

/** responses/Forbidden. */
export const ERROR_FORBIDDEN = {
  statusCode: 403,
  service: 'PublicApi',
  error: 'You are using an outdated API key or a key not associated with that resource.',
  correlationId: 'bc997528a9d7abb9161ef45f05d38599',
  canBeRetried: 'Unknown',
  detailedErrorCode: 0,
};

/** responses/Payment-Required. */
export const ERROR_PAYMENT_REQUIRED = {
  statusCode: 429,
  service: 'PublicApi',
  error:
    'You have exceeded the 50-company limit that applies to a Free plan. We recommend that you delete any companies you no longer need and retry the request.',
  correlationId: 'bc997528a9d7abb9161ef45f05d38599',
  canBeRetried: 'Unknown',
  detailedErrorCode: 0,
};

/** responses/Too-Many-Requests. */
export const ERROR_TOO_MANY_REQUESTS = {
  statusCode: 429,
  service: 'PublicApi',
  error: 'You have made too many requests in a given amount of time; please retry later.',
  correlationId: 'bc997528a9d7abb9161ef45f05d38599',
  canBeRetried: 'Unknown',
  detailedErrorCode: 0,
};

/** responses/Malformed-Query, "Malformed query". */
export const ERROR_MALFORMED_QUERY = {
  statusCode: 400,
  service: 'ClientsApi',
  error: 'Error parsing query - Malformed query.',
  correlationId: 'bc997528a9d7abb9161ef45f05d38599',
  canBeRetried: 'Unknown',
  detailedErrorCode: 0,
};

/** responses/Bad-Request. */
export const ERROR_BAD_REQUEST = {
  statusCode: 400,
  service: 'PublicApi',
  error: 'Error processing request - not valid.',
  correlationId: 'bc997528a9d7abb9161ef45f05d38599',
  canBeRetried: 'Unknown',
  detailedErrorCode: 0,
};

/** responses/Internal-Server-Error. */
export const ERROR_SERVER = {
  statusCode: 500,
  service: 'PublicApi',
  error: 'There is a problem with our server. Please try again later.',
  correlationId: 'bc997528a9d7abb9161ef45f05d38599',
  canBeRetried: 'Unknown',
  detailedErrorCode: 0,
};

/** responses/Service-Unavailable. */
export const ERROR_UNAVAILABLE = {
  statusCode: 500,
  service: 'PublicApi',
  error: 'The Codat API is temporarily offline for maintenance. Please try again later.',
  correlationId: 'bc997528a9d7abb9161ef45f05d38599',
  canBeRetried: 'Unknown',
  detailedErrorCode: 0,
};
