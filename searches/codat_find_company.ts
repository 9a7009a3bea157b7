// Find Company: by ID, by exact name, or by tags in Codat's query language.
import { defineSearch } from 'zapier-platform-core';
import { companyOutputFields, companySample, findCompanies } from '../codat/company.js';
import { COMPANY_DROPDOWN } from '../triggers/codat_company_list.js';
import { lazyOutputFields } from '../common/output-fields.js';

export default defineSearch({
  key: 'codat_find_company',
  noun: 'Company',
  display: {
    label: 'Find Company',
    description: 'Finds a company in Codat by ID, by exact name, or by tags, with its Link URL.',
  },
  operation: {
    inputFields: [
      {
        key: 'companyId',
        label: 'Company',
        dynamic: COMPANY_DROPDOWN,
        helpText: 'Pick or map a company ID to look it up directly; leave empty to search by name or tags.',
      },
      {
        key: 'name',
        label: 'Name',
        type: 'string',
        helpText: 'The exact company name (not case-sensitive), as Codat stores it.',
      },
      {
        key: 'tagFilter',
        label: 'Tag Filter',
        type: 'string',
        helpText:
          "Tags in [Codat's query language](https://docs.codat.io/using-the-api/querying), e.g. `uid=12345` or `region=uk && team=lending`.",
      },
    ],
    perform: findCompanies,
    sample: companySample,
    outputFields: lazyOutputFields(companyOutputFields),
  },
});
