import { defineTrigger } from 'zapier-platform-core';
import { listCompanies } from '../codat/dropdowns.js';

// Hidden: feeds the "Company IDs" dropdown of every Codat trigger.
export default defineTrigger({
  key: 'codat_company_list',
  noun: 'Company',
  display: {
    label: 'List Codat Companies',
    description: 'Triggers when the companies of recent Codat events are needed for a dropdown (hidden).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform: listCompanies,
    sample: { id: '0498e921-9b53-4396-a412-4f2f5983b0a2', name: 'Toft Stores (0498e921-9b53-4396-a412-4f2f5983b0a2)' },
    outputFields: [
      { key: 'id', label: 'Company ID' },
      { key: 'name', label: 'Company' },
    ],
  },
});
