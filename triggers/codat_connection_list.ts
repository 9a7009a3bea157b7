import { defineTrigger } from 'zapier-platform-core';
import { connectionChoices } from '../codat/data-refresh.js';

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
    // The shape of one dropdown item. No output fields: a hidden trigger needs none, and core
    // copies and freezes every node of the definition on each invocation of any step.
    sample: {
      id: '51baa045-4836-4317-a42e-3542e991e581',
      platformName: 'Pandle',
      label: 'Pandle (Accounting, Linked)',
    },
  },
});
