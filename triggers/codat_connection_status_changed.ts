import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { COMPANY_FILTER_FIELDS } from '../codat/company-filter.js';
import {
  CONNECTION_CHOICES,
  CONNECTION_TYPES,
  outputFieldsOf,
  sampleFor,
  typesFromChoices,
} from '../codat/trigger-fields.js';
import { codatRestHook } from '../codat/webhooks.js';
import { lazyOutputFields } from '../common/output-fields.js';

const sample = sampleFor('connection.connected');

export default defineTrigger({
  key: 'codat_connection_status_changed',
  noun: 'Connection',
  display: {
    label: 'Connection Status Changed',
    description:
      "Triggers when a company's connection to its accounting, banking or commerce software is created, linked, " +
      'fails, is disconnected, reconnected or deleted in Codat.',
  },
  operation: {
    type: 'hook',
    inputFields: defineInputFields([
      {
        key: 'connectionEvents',
        label: 'Changes',
        required: false,
        list: true,
        choices: CONNECTION_CHOICES,
        helpText: 'Which changes start the Zap; leave empty for every one of them.',
      },
      ...COMPANY_FILTER_FIELDS,
    ]),
    ...codatRestHook({
      label: 'Connection Status Changed',
      eventTypes: (z, input) => typesFromChoices(z, input.connectionEvents, CONNECTION_TYPES, 'Changes'),
    }),
    outputFields: lazyOutputFields(outputFieldsOf(Object.keys(CONNECTION_TYPES), sample)),
    sample: { ...sample },
  },
});
