// Hidden trigger behind the record actions' "Record" dropdown: the project's newest records.
import { defineTrigger } from 'zapier-platform-core';
import { recordChoices } from '../blue/dropdowns.js';

export default defineTrigger({
  key: 'blue_record_list',
  noun: 'Record',
  display: {
    label: 'List Records',
    description: 'Triggers when a project record is needed for a dropdown (hidden).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform: recordChoices,
    // The shape of one dropdown item. No output fields: a hidden trigger needs none, and core
    // copies and freezes every node of the definition on each invocation of any step.
    sample: { id: 'ctodo00000000000000000001', title: 'Call back ACME', label: 'Call back ACME (To Do)' },
  },
});
