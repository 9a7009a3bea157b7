// Hidden trigger behind Create Todo's "Todo List" dropdown.
import { defineTrigger } from 'zapier-platform-core';
import { todoListChoices } from '../blue/dropdowns.js';
import { lazyOutputFields } from '../common/output-fields.js';

export default defineTrigger({
  key: 'blue_todo_list_list',
  noun: 'Todo List',
  display: {
    label: 'List Todo Lists',
    description: 'Triggers when a todo list is needed for a dropdown (hidden).',
    hidden: true,
  },
  operation: {
    type: 'polling',
    perform: todoListChoices,
    sample: { id: 'clist0000000000000000001', title: 'To Do' },
    outputFields: lazyOutputFields([
      { key: 'id', label: 'Todo List ID' },
      { key: 'title', label: 'Title' },
    ]),
  },
});
