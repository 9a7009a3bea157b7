// Hidden trigger behind Create Todo's "Tags" dropdown (paged by Zapier's "Load more").
import { defineTrigger } from 'zapier-platform-core';
import { tagChoices } from '../blue/dropdowns.js';

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
    // The shape of one dropdown item. No output fields: a hidden trigger needs none, and core
    // copies and freezes every node of the definition on each invocation of any step.
    sample: { id: 'ctag0000000000000000001', title: 'Urgent', color: '#e53935' },
  },
});
