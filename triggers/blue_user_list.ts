// Hidden trigger behind Create Todo's "Assignees" dropdown (paged by Zapier's "Load more").
import { defineTrigger } from 'zapier-platform-core';
import { userChoices } from '../blue/dropdowns.js';

export default defineTrigger({
  key: 'blue_user_list',
  noun: 'User',
  display: {
    label: 'List Project Users',
    description: 'Triggers when a project user is needed for a dropdown (hidden).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    canPaginate: true,
    perform: userChoices,
    // The shape of one dropdown item. No output fields: a hidden trigger needs none, and core
    // copies and freezes every node of the definition on each invocation of any step.
    sample: {
      id: 'cuser000000000000000001',
      fullName: 'Jane Doe',
      email: 'jane@example.com',
      label: 'Jane Doe (jane@example.com)',
    },
  },
});
