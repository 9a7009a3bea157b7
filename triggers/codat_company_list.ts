import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { companyChoices } from '../codat/company.js';
import { listCompanies } from '../codat/dropdowns.js';

// Hidden: the Codat company dropdown, for the actions that take a company and the Company IDs
// filter of every Codat trigger. With the connection's Codat API Key it pages through Codat's
// companies (one Zapier page per Codat page); without it (triggers only need the Zapier key) it
// offers the companies of recent webhook events, where a Company ID can still be typed in.
export const COMPANY_DROPDOWN = 'codat_company_list.id.label';

const filled = (v: unknown) => typeof v === 'string' && v.trim() !== '';

async function perform(z: ZObject, bundle: Bundle) {
  // A connection with neither key gets the Platform path's error, which names "Codat API Key".
  if (filled(bundle.authData.codatApiKey) || !filled(bundle.authData.codatZapierKey)) return companyChoices(z, bundle);
  return (await listCompanies(z, bundle)).map((c) => ({
    id: c.id,
    name: c.name,
    label: c.name === c.id ? c.id : `${c.name} (${c.id})`,
  }));
}

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
    perform,
    canPaginate: true,
    // The shape of one dropdown item. No output fields: a hidden trigger needs none, and core
    // copies and freezes every node of the definition on each invocation of any step.
    sample: {
      id: 'ab12c58d-a678-4ebf-a159-ae99e1807bd0',
      name: 'Technicalium',
      label: 'Technicalium (created 2022-11-10)',
    },
  },
});
