// Hidden trigger behind Create Todo's "Tags" dropdown (paged by Zapier's "Load more").
import { defineTrigger } from 'zapier-platform-core';
import { tagChoices } from '../blue/dropdowns.js';
import { lazyOutputFields } from '../common/output-fields.js';

export default defineTrigger({
  key: 'blue_tag_list',
  noun: 'Tag',
  display: {
    label: 'List Tags',
    description: 'Triggers when a project tag is needed for a dropdown (hidden).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform: tagChoices,
    sample: { id: 'ctag0000000000000000001', title: 'Urgent', color: '#e53935' },
    outputFields: lazyOutputFields([
      { key: 'id', label: 'Tag ID' },
      { key: 'title', label: 'Title' },
      { key: 'color', label: 'Color' },
    ]),
  },
});
