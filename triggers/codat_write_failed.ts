import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { COMPANY_FILTER_FIELDS } from '../codat/company-filter.js';
import { WRITE_DATA_TYPES } from '../codat/events.js';
import { WRITE_FAILED_TYPES, outputFieldsOf, sampleFor, typesFromChoices } from '../codat/trigger-fields.js';
import { codatRestHook } from '../codat/webhooks.js';
import { lazyOutputFields } from '../common/output-fields.js';

const sample = sampleFor('invoices.write.unsuccessful');

export default defineTrigger({
  key: 'codat_write_failed',
  noun: 'Write',
  display: {
    label: 'Write Failed',
    description: "Triggers when Codat could not create, update or delete a record in a company's accounting software.",
  },
  operation: {
    type: 'hook',
    inputFields: defineInputFields([
      {
        key: 'dataTypes',
        label: 'Data Types',
        required: false,
        list: true,
        choices: WRITE_DATA_TYPES,
        helpText: 'Only failed writes of these data types (invoices, bills...); leave empty for every data type.',
      },
      ...COMPANY_FILTER_FIELDS,
    ]),
    ...codatRestHook({
      label: 'Write Failed',
      eventTypes: (z, input) => typesFromChoices(z, input.dataTypes, WRITE_FAILED_TYPES, 'Data Types'),
    }),
    outputFields: lazyOutputFields(outputFieldsOf(['invoices.write.unsuccessful'], sample)),
    sample: { ...sample },
  },
});
