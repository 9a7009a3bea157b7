import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { COMPANY_FILTER_FIELDS } from '../codat/company-filter.js';
import {
  READ_OUTCOME_CHOICES,
  READ_OUTCOME_TYPES,
  outputFieldsOf,
  sampleFor,
  typesFromChoices,
} from '../codat/trigger-fields.js';
import { codatRestHook } from '../codat/webhooks.js';
import { lazyOutputFields } from '../common/output-fields.js';

const sample = sampleFor('read.completed');

export default defineTrigger({
  key: 'codat_data_sync_completed',
  noun: 'Data Sync',
  display: {
    label: 'Data Sync Completed',
    description:
      "Triggers when Codat finishes reading a company's data, with the outcome you pick (any, successful or not, first read).",
  },
  operation: {
    type: 'hook',
    inputFields: defineInputFields([
      {
        key: 'outcome',
        label: 'Outcome',
        required: false,
        default: 'any',
        choices: READ_OUTCOME_CHOICES,
        helpText:
          'Unsuccessful means Codat finished reading but some data types failed; the first read is the one after a ' +
          'company connects its software.',
      },
      ...COMPANY_FILTER_FIELDS,
    ]),
    ...codatRestHook({
      label: 'Data Sync Completed',
      // One outcome, one type: never two Zap runs for the same read.
      eventTypes: (z, input) => typesFromChoices(z, input.outcome || 'any', READ_OUTCOME_TYPES, 'Outcome'),
    }),
    outputFields: lazyOutputFields(outputFieldsOf(['read.completed'], sample)),
    sample: { ...sample },
  },
});
