// Hidden trigger behind Create Todo's "Todo List" dropdown.
import { defineTrigger } from 'zapier-platform-core';
import { todoListChoices } from '../blue/dropdowns.js';

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
    // The shape of one dropdown item. No output fields: a hidden trigger needs none, and core
    // copies and freezes every node of the definition on each invocation of any step.
    sample: { id: 'clist0000000000000000001', title: 'To Do' },
  },
});
