import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { eventChoices } from '../blue/events.js';
import { exampleFor, listForEvents, sampleFor } from '../blue/hook-samples.js';
import { EVENT_OUTPUT_FIELDS, PROJECT_INPUT_FIELDS, selectedEvents } from '../blue/trigger-fields.js';
import { blueRestHook } from '../blue/webhooks.js';
import { lazyOutputFields } from '../common/output-fields.js';

const hook = blueRestHook({
  label: 'New Blue Event',
  events: (input) => selectedEvents(input.events),
  list: listForEvents,
  example: exampleFor('TODO_CREATED'),
});

export default defineTrigger({
  key: 'blue_event',
  noun: 'Event',
  display: {
    label: 'New Blue Event',
    description: 'Triggers when any of the Blue events you pick happens in a project.',
  },
  operation: {
    type: 'hook',
    inputFields: defineInputFields([
      {
        key: 'events',
        label: 'Events',
        required: true,
        list: true,
        choices: eventChoices(),
        helpText:
          'Pick one or more; each option starts with what it is about (records, checklists, lists, custom fields, tags or comments).',
      },
      ...PROJECT_INPUT_FIELDS,
    ]),
    ...hook,
    sample: sampleFor('TODO_CREATED'),
    outputFields: lazyOutputFields(EVENT_OUTPUT_FIELDS),
  },
});
