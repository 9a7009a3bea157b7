import { defineInputFields, defineTrigger, type Bundle, type ZObject } from 'zapier-platform-core';
import { withoutBundleInErrors } from '../common/errors.js';
import { exampleOutput } from '../codat/envelope.js';
import { BASE_OUTPUT_FIELDS, eventTypeChoices, findEventType, outputFieldsFor } from '../codat/events.js';
import {
  handleDelivery,
  listRecent,
  readSelection,
  subscribe,
  unsubscribe,
} from '../codat/webhooks.js';

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
    inputFields: defineInputFields([
      {
        key: 'eventTypes',
        label: 'Event Types',
        required: true,
        list: true,
        choices: eventTypeChoices(),
        helpText:
          "Each option starts with its group. Codat's legacy rule types (retired in 2025) are not offered: " +
          'see [Codat event types](https://docs.codat.io/using-the-api/webhooks/event-types) for their replacements.',
      },
    ]),
    performSubscribe: subscribe,
    // Their bundles carry the signing secret (subscribeData), which must not reach error messages.
    performUnsubscribe: withoutBundleInErrors(unsubscribe),
    perform: withoutBundleInErrors(handleDelivery),
    performList: listRecent,
    outputFields: [
      ...BASE_OUTPUT_FIELDS,
      // Payload fields of the chosen types (of every type for "All Event Types").
      async (_z: ZObject, bundle: Bundle) => outputFieldsFor(readSelection(bundle.inputData.eventTypes).types),
    ],
    sample: { ...exampleOutput(findEventType(SAMPLE_TYPE)!) },
  },
});
