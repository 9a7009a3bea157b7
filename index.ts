import zapier, { defineApp } from 'zapier-platform-core';

import packageJson from './package.json' with { type: 'json' };

import authentication from './authentication.js';
import createTodo from './creates/create_todo.js';
import blueTagList from './triggers/blue_tag_list.js';
import blueTodoListList from './triggers/blue_todo_list_list.js';
import blueUserList from './triggers/blue_user_list.js';

export default defineApp({
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  triggers: {
    blue_todo_list_list: blueTodoListList,
    blue_user_list: blueUserList,
    blue_tag_list: blueTagList,
  },
  creates: {
    create_todo: createTodo,
  },
});
