import { defineTrigger } from 'zapier-platform-core';
import { companyChoices } from '../codat/company.js';

// Hidden: the Codat company dropdown (needs the connection's Codat API Key), one Zapier page per
// Codat page. Exported for any Codat input that takes a company: `codat_company_list.id.label`.
export const COMPANY_DROPDOWN = 'codat_company_list.id.label';

export default defineTrigger({
  key: 'codat_company_list',
  noun: 'Company',
  display: {
    label: 'List Codat Companies',
    description: 'Triggers when a company is added to Codat (lists companies for dropdowns).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform: companyChoices,
    canPaginate: true,
    sample: { id: 'ab12c58d-a678-4ebf-a159-ae99e1807bd0', name: 'Technicalium', label: 'Technicalium (created 2022-11-10)' },
    outputFields: [
      { key: 'id', label: 'Company ID', type: 'string' },
      { key: 'name', label: 'Name', type: 'string' },
      { key: 'label', label: 'Label', type: 'string' },
    ],
  },
});
