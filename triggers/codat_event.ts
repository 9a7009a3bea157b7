import { defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { BASE_OUTPUT_FIELDS, outputFieldsFor } from '../codat/events.js';
import { EVENT_TYPE_INPUT_FIELDS, sampleFor } from '../codat/trigger-fields.js';
import { chosenEventTypes, codatRestHook, readSelection } from '../codat/webhooks.js';

// A write event carries every convenient top-level field, so it makes the fullest static sample.
const SAMPLE_TYPE = 'invoices.write.successful';

export default defineTrigger({
  key: 'codat_event',
  noun: 'Event',
  display: {
    label: 'New Codat Event',
    description:
      'Triggers when Codat sends a webhook event of a type you pick, such as a company being created, a connection ' +
      'being linked, a read completing or a write to accounting software failing.',
  },
  operation: {
    type: 'hook',
    inputFields: EVENT_TYPE_INPUT_FIELDS,
    ...codatRestHook({ label: 'New Codat Event', eventTypes: chosenEventTypes }),
    outputFields: [
      // The envelope's fields, then the payload fields of the chosen types (of every type for "All
      // Event Types"); one function, not a static list core would copy on every invocation.
      (_z: ZObject, bundle: Bundle) =>
        Promise.resolve([...BASE_OUTPUT_FIELDS, ...outputFieldsFor(readSelection(bundle.inputData.eventTypes).types)]),
    ],
    sample: { ...sampleFor(SAMPLE_TYPE) },
  },
});
