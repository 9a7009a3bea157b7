// Create Company: a Codat company for a new customer; its Link URL is what the next step emails.
import { defineCreate } from 'zapier-platform-core';
import { lazyOutputFields } from '../common/output-fields.js';
import { companyOutputFields, companySample, createCompany } from '../codat/company.js';

export default defineCreate({
  key: 'codat_create_company',
  noun: 'Company',
  display: {
    label: 'Create Company',
    description:
      'Creates a company in Codat and returns its Link URL, where the customer connects their accounting, banking or commerce software.',
  },
  operation: {
    inputFields: [
      {
        key: 'name',
        label: 'Name',
        required: true,
        type: 'string',
        helpText:
          "The customer's business name. Codat drops characters other than letters A-Z, digits, spaces and - ' , & @ . ? !",
      },
      {
        key: 'description',
        label: 'Description',
        type: 'text',
        helpText: 'Anything to keep with the company in Codat, such as your own customer reference.',
      },
      {
        key: 'tags',
        label: 'Tags',
        dict: true,
        helpText:
          'Up to 10 key/value pairs (keys up to 27 characters), e.g. `uid` = your customer ID; Find Company can search by them.',
      },
    ],
    perform: createCompany,
    sample: companySample,
    outputFields: lazyOutputFields(companyOutputFields),
  },
});
