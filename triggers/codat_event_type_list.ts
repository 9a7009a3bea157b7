import { defineTrigger } from 'zapier-platform-core';
import { listEventTypes } from '../codat/dropdowns.js';
import { lazyOutputFields } from '../common/output-fields.js';

// Hidden: feeds the "Event Types" dropdown of New Codat Event.
export default defineTrigger({
  key: 'codat_event_type_list',
  noun: 'Event Type',
  display: {
    label: 'List Codat Event Types',
    description: 'Triggers when the Codat event types are needed for a dropdown (hidden).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform: listEventTypes,
    sample: { id: 'company.created', label: 'Companies: Company Created' },
    outputFields: lazyOutputFields([
      { key: 'id', label: 'Event Type' },
      { key: 'label', label: 'Label' },
    ]),
  },
});
