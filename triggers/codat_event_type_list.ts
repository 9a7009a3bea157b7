import { defineTrigger } from 'zapier-platform-core';
import { listEventTypes } from '../codat/dropdowns.js';

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
    // The shape of one dropdown item. No output fields: a hidden trigger needs none, and core
    // copies and freezes every node of the definition on each invocation of any step.
    sample: { id: 'company.created', label: 'Companies: Company Created' },
  },
});
