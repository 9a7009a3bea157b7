// Refresh Company Data: queue a pull of all data types, or of one data type (on one connection).
import { defineCreate } from 'zapier-platform-core';
import { lazyOutputFields } from '../common/output-fields.js';
import { dataTypeChoices, refreshCompanyData, refreshOutputFields, refreshSample } from '../codat/data-refresh.js';
import { COMPANY_DROPDOWN } from '../triggers/codat_company_list.js';

export default defineCreate({
  key: 'codat_refresh_company_data',
  noun: 'Data Refresh',
  display: {
    label: 'Refresh Company Data',
    description:
      "Refreshes a Codat company's data from its connected software: all data types, or one data type on one connection.",
  },
  operation: {
    inputFields: [
      { key: 'companyId', label: 'Company', required: true, dynamic: COMPANY_DROPDOWN },
      {
        key: 'dataType',
        label: 'Data Type',
        choices: dataTypeChoices(),
        helpText: 'Leave empty to refresh every data type set to fetch on first link.',
      },
      {
        key: 'connectionId',
        label: 'Connection',
        dynamic: 'codat_connection_list.id.label',
        helpText: 'Only with a Data Type: refresh it from this connection alone. Empty refreshes every connection.',
      },
    ],
    perform: refreshCompanyData,
    sample: refreshSample,
    outputFields: lazyOutputFields(refreshOutputFields),
  },
});
