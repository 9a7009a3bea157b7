// Hidden trigger behind the record actions' "Record" dropdown: the project's newest records.
import { defineTrigger } from 'zapier-platform-core';
import { recordChoices } from '../blue/dropdowns.js';
import { lazyOutputFields } from '../common/output-fields.js';

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
    sample: { id: 'ctodo00000000000000000001', title: 'Call back ACME', label: 'Call back ACME (To Do)' },
    outputFields: lazyOutputFields([
      { key: 'id', label: 'Record ID' },
      { key: 'title', label: 'Title' },
      { key: 'label', label: 'Title and List' },
    ]),
  },
});
