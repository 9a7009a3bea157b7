import { defineTrigger } from 'zapier-platform-core';
import { connectionChoices } from '../codat/data-refresh.js';
import { lazyOutputFields } from '../common/output-fields.js';

// Hidden: the connections of the company chosen in the same step (Refresh Company Data).
export default defineTrigger({
  key: 'codat_connection_list',
  noun: 'Connection',
  display: {
    label: 'List Codat Connections',
    description: 'Triggers when a Codat company gets a new data connection (lists them for dropdowns).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform: connectionChoices,
    canPaginate: true,
    sample: {
      id: '51baa045-4836-4317-a42e-3542e991e581',
      platformName: 'Pandle',
      label: 'Pandle (Accounting, Linked)',
    },
    outputFields: lazyOutputFields([
      { key: 'id', label: 'Connection ID', type: 'string' },
      { key: 'platformName', label: 'Platform', type: 'string' },
      { key: 'label', label: 'Label', type: 'string' },
    ]),
  },
});
