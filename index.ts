import zapier, { defineApp } from 'zapier-platform-core';

import packageJson from './package.json' with { type: 'json' };

import authentication from './authentication.js';
import { withOptionalFieldsOnDemand, withoutDefaultProperties } from './common/lean-definition.js';
import addAssignee from './creates/add_assignee.js';
import addChecklistItem from './creates/add_checklist_item.js';
import addComment from './creates/add_comment.js';
import addTag from './creates/add_tag.js';
import codatCreateCompany from './creates/codat_create_company.js';
import codatRefreshCompanyData from './creates/codat_refresh_company_data.js';
import completeRecord from './creates/complete_record.js';
import createTodo from './creates/create_todo.js';
import moveRecord from './creates/move_record.js';
import removeAssignee from './creates/remove_assignee.js';
import removeTag from './creates/remove_tag.js';
import updateRecord from './creates/update_record.js';
import codatFindCompany from './searches/codat_find_company.js';
import findTodo from './searches/find_todo.js';
import findUser from './searches/find_user.js';
import blueCustomFieldList from './triggers/blue_custom_field_list.js';
import blueEvent from './triggers/blue_event.js';
import blueProjectList from './triggers/blue_project_list.js';
import blueRecordList from './triggers/blue_record_list.js';
import blueTagList from './triggers/blue_tag_list.js';
import blueTodoListList from './triggers/blue_todo_list_list.js';
import blueUserList from './triggers/blue_user_list.js';
import codatCompanyList from './triggers/codat_company_list.js';
import codatConnectionList from './triggers/codat_connection_list.js';
import codatConnectionStatusChanged from './triggers/codat_connection_status_changed.js';
import codatDataSyncCompleted from './triggers/codat_data_sync_completed.js';
import codatEvent from './triggers/codat_event.js';
import codatEventTypeList from './triggers/codat_event_type_list.js';
import codatNewCompany from './triggers/codat_new_company.js';
import codatWriteFailed from './triggers/codat_write_failed.js';
import customFieldChanged from './triggers/custom_field_changed.js';
import newComment from './triggers/new_comment.js';
import newTodo from './triggers/new_todo.js';
import newTodoPolling from './triggers/new_todo_polling.js';
import todoCompleted from './triggers/todo_completed.js';
import todoMoved from './triggers/todo_moved.js';
import updatedTodo from './triggers/updated_todo.js';
import updatedTodoPolling from './triggers/updated_todo_polling.js';

export default withOptionalFieldsOnDemand(
  withoutDefaultProperties(
    defineApp({
      version: packageJson.version,
      platformVersion: zapier.version,
      authentication,
      triggers: {
        codat_event: codatEvent,
        codat_new_company: codatNewCompany,
        codat_connection_status_changed: codatConnectionStatusChanged,
        codat_data_sync_completed: codatDataSyncCompleted,
        codat_write_failed: codatWriteFailed,
        blue_event: blueEvent,
        new_todo: newTodo,
        updated_todo: updatedTodo,
        todo_completed: todoCompleted,
        new_comment: newComment,
        custom_field_changed: customFieldChanged,
        todo_moved: todoMoved,
        new_todo_polling: newTodoPolling,
        updated_todo_polling: updatedTodoPolling,
        // Hidden triggers behind the dropdowns.
        blue_project_list: blueProjectList,
        blue_custom_field_list: blueCustomFieldList,
        blue_todo_list_list: blueTodoListList,
        blue_user_list: blueUserList,
        blue_tag_list: blueTagList,
        blue_record_list: blueRecordList,
        codat_event_type_list: codatEventTypeList,
        codat_company_list: codatCompanyList,
        codat_connection_list: codatConnectionList,
      },
      creates: {
        create_todo: createTodo,
        codat_create_company: codatCreateCompany,
        codat_refresh_company_data: codatRefreshCompanyData,
        update_record: updateRecord,
        move_record: moveRecord,
        complete_record: completeRecord,
        add_comment: addComment,
        add_tag: addTag,
        remove_tag: removeTag,
        add_assignee: addAssignee,
        remove_assignee: removeAssignee,
        add_checklist_item: addChecklistItem,
      },
      searches: {
        codat_find_company: codatFindCompany,
        find_todo: findTodo,
        find_user: findUser,
      },
      searchOrCreates: {
        codat_find_company: {
          key: 'codat_find_company',
          display: {
            label: 'Find or Create Company',
            description: 'Finds a Codat company by ID, name or tags, or creates it when none matches.',
          },
          search: 'codat_find_company',
          create: 'codat_create_company',
        },
        // Zapier pairs them under the search's key: find the record, create it when none matches.
        find_todo: {
          key: 'find_todo',
          display: {
            label: 'Find or Create Record',
            description: 'Finds a record in the connected Blue project, or creates it when none matches.',
          },
          search: 'find_todo',
          create: 'create_todo',
        },
      },
    }),
  ),
);
