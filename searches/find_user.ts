import { defineInputFields, defineSearch } from 'zapier-platform-core';
import { USER_OUTPUT_FIELDS, USER_SAMPLE, findUsers } from '../blue/users.js';
import { lazyOutputFields } from '../common/output-fields.js';

export default defineSearch({
  key: 'find_user',
  noun: 'User',
  display: {
    label: 'Find User',
    description: 'Finds a member of the connected Blue project by email or by full name.',
  },
  operation: {
    inputFields: defineInputFields([
      {
        key: 'email',
        label: 'Email',
        type: 'string',
        required: false,
        helpText: "The member's email address (not case-sensitive). When given, Name is not used.",
      },
      {
        key: 'name',
        label: 'Name',
        type: 'string',
        required: false,
        helpText:
          "The member's full name as Blue shows it, e.g. `Jane Doe` (not case-sensitive). Several members may share it.",
      },
    ]),
    perform: findUsers,
    sample: USER_SAMPLE,
    outputFields: lazyOutputFields(USER_OUTPUT_FIELDS),
  },
});
