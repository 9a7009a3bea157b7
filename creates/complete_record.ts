// Complete or Reopen Record: updateTodos sets `done` (never toggles, so a replay is harmless).
import { defineCreate } from 'zapier-platform-core';
import { RECORD_FIELDS, RECORD_SAMPLE, TARGET_FIELDS } from '../blue/action-fields.js';
import { setRecordDone } from '../blue/record-actions.js';

export default defineCreate({
  key: 'complete_record',
  noun: 'Record',
  display: {
    label: 'Complete or Reopen Record',
    description:
      'Marks a Blue record done, or not done again. The status is set, not toggled, so a replayed run changes nothing.',
  },
  operation: {
    inputFields: [
      ...TARGET_FIELDS,
      {
        key: 'done',
        label: 'Status',
        required: true,
        default: 'done',
        choices: [
          { value: 'done', label: 'Done', sample: 'done' },
          { value: 'open', label: 'Not Done (Reopen)', sample: 'open' },
        ],
        helpText: 'Done completes the record; Not Done reopens it. Mapped yes/no values work too.',
      },
    ],
    perform: setRecordDone,
    sample: RECORD_SAMPLE,
    outputFields: RECORD_FIELDS,
  },
});
