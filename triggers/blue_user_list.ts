// Hidden trigger behind Create Todo's "Assignees" dropdown (paged by Zapier's "Load more").
import { defineTrigger } from 'zapier-platform-core';
import { userChoices } from '../blue/dropdowns.js';
import { lazyOutputFields } from '../common/output-fields.js';

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
    sample: {
      id: 'cuser000000000000000001',
      fullName: 'Jane Doe',
      email: 'jane@example.com',
      label: 'Jane Doe (jane@example.com)',
    },
    outputFields: lazyOutputFields([
      { key: 'id', label: 'User ID' },
      { key: 'fullName', label: 'Full Name' },
      { key: 'email', label: 'Email' },
      { key: 'label', label: 'Label' },
    ]),
  },
});
