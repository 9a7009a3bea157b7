import { defineInputFields, defineTrigger } from 'zapier-platform-core';
import { acceptCustomFieldChange, filterFromInput, matchesCustomFieldFilter } from '../blue/custom-field-filter.js';
import { exampleFor, sampleFor } from '../blue/hook-samples.js';
import {
  LAZY_TODO_OUTPUT_FIELDS,
  RECORD_TRIGGER_FIELDS,
  filteredTodos,
  recordHookFilter,
} from '../blue/trigger-filters.js';
import { blueRestHook } from '../blue/webhooks.js';

const recentRecords = filteredTodos('TODO_CUSTOM_FIELD_UPDATED');

const hook = blueRestHook({
  label: 'Custom Field Changed',
  events: () => ['TODO_CUSTOM_FIELD_UPDATED'],
  // Decided from the delivery when it can; else with the one record fetch the output reuses.
  accept: (delivery, input, z, bundle) => acceptCustomFieldChange(z, bundle, filterFromInput(input), delivery),
  filter: recordHookFilter,
  // Sample: recent records that currently match the filter (none -> the typed example).
  list: async (z, bundle, ctx) =>
    (await recentRecords(z, bundle, ctx)).filter((item) =>
      matchesCustomFieldFilter(filterFromInput(bundle.inputData), item, null),
    ),
  example: exampleFor('TODO_CUSTOM_FIELD_UPDATED'),
});

export default defineTrigger({
  key: 'custom_field_changed',
  noun: 'Custom Field Value',
  display: {
    label: 'Custom Field Changed',
    description:
      'Triggers when a custom field value of a record changes in a Blue project, optionally only for one field and one value.',
  },
  operation: {
    type: 'hook',
    inputFields: defineInputFields([
      ...RECORD_TRIGGER_FIELDS,
      {
        key: 'customFieldId',
        label: 'Custom Field',
        dynamic: 'blue_custom_field_list.id.name',
        required: false,
        helpText: 'Only changes to this field start the Zap. Leave empty for any custom field.',
      },
      {
        key: 'customFieldValue',
        label: 'New Value',
        type: 'string',
        required: false,
        helpText:
          'Only start the Zap when the field changes to this value (not case-sensitive). For dropdown fields, enter the option title, e.g. `Confirmed`.',
      },
    ]),
    ...hook,
    sample: sampleFor('TODO_CUSTOM_FIELD_UPDATED'),
    outputFields: LAZY_TODO_OUTPUT_FIELDS,
  },
});
