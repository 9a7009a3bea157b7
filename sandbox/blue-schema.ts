// The subset of Blue's GraphQL schema the app uses, with Blue's own names, types and defaults. Every
// document the app sends is validated against it (test/blue/documents.test.ts), and
// test/sandbox/blue-schema.test.ts pins it against Blue's full schema wherever that is available.
export const BLUE_SANDBOX_SDL = /* GraphQL */ `
scalar DateTime
scalar JSON

type Query {
  currentUser: User!
  project(id: String): Project!
  projectList(filter: ProjectListFilter!, sort: [ProjectSort!], skip: Int = 0, take: Int = 20): ProjectPagination!
  todoLists(projectId: String!): [TodoList!]!
  todos(filter: TodosFilter!, orderBy: TodoOrderByInput, first: Int, skip: Int): TodosPagination!
  customFields(filter: CustomFieldFilterInput, skip: Int = 0, take: Int = 500): CustomFieldPagination!
  projectUserList(projectId: String!, first: Int, skip: Int, search: String): ProjectUserList!
  tagList(filter: TagListFilter!, first: Int = 500, skip: Int): TagPagination!
  todoQueries: TodoQueries!
  todo(id: String!): Todo!
  user(id: String!): User!
  webhooks(filter: WebhookFilter, skip: Int = 0, take: Int = 20): WebhookPagination!
  activityList(projectId: String, categories: [ActivityCategory!], first: Int, orderBy: ActivityOrderByInput): ActivityList!
}

type Mutation {
  createTodo(input: CreateTodoInput!): Todo!
  createWebhook(input: CreateWebhookInput!): Webhook!
  deleteWebhook(input: DeleteWebhookInput!): MutationResult!
  editTodo(input: EditTodoInput!): Todo!
  setTodoCustomField(input: SetTodoCustomFieldInput!): Boolean!
  updateTodos(input: UpdateTodosInput!): Boolean!
  setTodoTags(input: SetTodoTagsInput!): Boolean!
  setTodoAssignees(input: SetTodoAssigneesInput!): MutationResult!
  addTodoAssignees(input: AddTodoAssigneesInput!): MutationResult!
  removeTodoAssignees(input: RemoveTodoAssigneesInput!): MutationResult!
  createComment(input: CreateCommentInput!): Comment!
  createChecklist(input: CreateChecklistInput!): Checklist!
  createChecklistItem(input: CreateChecklistItemInput!): ChecklistItem!
}

type User {
  id: ID!
  uid: String!
  username: String!
  email: String!
  firstName: String!
  lastName: String!
  fullName: String!
  createdAt: DateTime!
  updatedAt: DateTime!
}

type Company {
  id: ID!
  uid: String!
  name: String!
  slug: String!
  createdAt: DateTime!
  updatedAt: DateTime!
}

type Project {
  id: ID!
  uid: String!
  slug: String!
  name: String!
  description: String
  archived: Boolean
  company: Company!
  createdAt: DateTime!
  updatedAt: DateTime!
}

input ProjectListFilter {
  companyIds: [String!]!
  ids: [String!]
  archived: Boolean
  search: String
}

enum ProjectSort {
  name_ASC
  name_DESC
  createdAt_ASC
  createdAt_DESC
  position_ASC
  position_DESC
}

type ProjectPagination {
  items: [Project!]!
  pageInfo: PageInfo!
  totalCount: Int
}

type PageInfo {
  totalPages: Int
  totalItems: Int
  page: Int
  perPage: Int
  hasNextPage: Boolean!
  hasPreviousPage: Boolean!
}

type TodoList {
  id: ID!
  uid: String!
  position: Float!
  title: String!
  isDisabled: Boolean!
  isLocked: Boolean
  createdAt: DateTime!
  updatedAt: DateTime!
  project: Project!
}

enum CustomFieldType {
  CHECKBOX
  CURRENCY
  EMAIL
  LOCATION
  NUMBER
  PERCENT
  PHONE
  RATING
  SELECT_MULTI
  SELECT_SINGLE
  TEXT_MULTI
  TEXT_SINGLE
  UNIQUE_ID
  URL
  FILE
  COUNTRY
  DATE
  FORMULA
  REFERENCE
  LOOKUP
  TIME_DURATION
  BUTTON
  CURRENCY_CONVERSION
}

input CustomFieldFilterInput {
  projectId: String
  types: [CustomFieldType!]
}

type CustomFieldPagination {
  items: [CustomField!]!
  pageInfo: PageInfo!
}

type CustomField {
  id: ID!
  uid: String!
  name: String!
  type: CustomFieldType!
  position: Float!
  description: String
  min: Float
  max: Float
  currency: String
  prefix: String
  createdAt: DateTime!
  updatedAt: DateTime!
  customFieldOptions: [CustomFieldOption!]
  text: String
  number: Float
  checked: Boolean
  selectedOption: CustomFieldOption
  selectedOptions: [CustomFieldOption!]
  value: JSON
}

type CustomFieldOption {
  id: ID!
  uid: String!
  title: String!
  color: String!
  position: Float!
  createdAt: DateTime!
  updatedAt: DateTime!
}

type ProjectUserList {
  users: [User!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

input TagListFilter {
  projectIds: [String!]
  excludeArchivedProjects: Boolean
  search: String
  titles: [String!]
  colors: [String!]
  tagIds: [String!]
}

type TagPagination {
  items: [Tag!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

type Tag {
  id: ID!
  uid: String!
  title: String!
  color: String!
  createdAt: DateTime!
  updatedAt: DateTime!
}

type TodoQueries {
  todos(filter: TodosFilter!, sort: [TodosSort!] = [], limit: Int = 20, skip: Int = 0): TodosResult!
}

input TodosFilter {
  companyIds: [String!]!
  projectIds: [String!]
  todoIds: [String!]
  assigneeIds: [String!]
  tagIds: [String!]
  todoListIds: [String!]
  done: Boolean
  search: String
  showCompleted: Boolean
}

enum TodosSort {
  createdAt_ASC
  createdAt_DESC
  duedAt_ASC
  duedAt_DESC
  position_ASC
  position_DESC
  title_ASC
  title_DESC
}

enum TodoOrderByInput {
  createdAt_ASC
  createdAt_DESC
  updatedAt_ASC
  updatedAt_DESC
}

type TodosPagination {
  items: [Todo!]!
  pageInfo: PageInfo!
  totalCount: Int!
}

type TodosResult {
  items: [Todo!]!
  pageInfo: PageInfo!
}

type Todo {
  id: ID!
  uid: String!
  position: Float!
  title: String!
  text: String!
  html: String!
  todoList: TodoList!
  users: [User!]!
  startedAt: DateTime
  duedAt: DateTime
  commentCount: Int!
  createdBy: User
  createdAt: DateTime!
  updatedAt: DateTime!
  archived: Boolean!
  done: Boolean!
  tags: [Tag!]!
  checklistCount: Int!
  checklistCompletedCount: Int!
  customFields(filter: TodoCustomFieldFilterInput): [CustomField!]!
  checklists: [Checklist!]!
}

# The project's activity feed, where the New Comment trigger finds recent comments (not served by
# the sandbox server).
type ActivityList {
  activities: [Activity!]!
}

type Activity {
  id: ID!
  category: ActivityCategory!
  createdAt: DateTime!
  comment: Comment
}

enum ActivityCategory {
  CREATE_COMMENT
}

enum ActivityOrderByInput {
  createdAt_ASC
  createdAt_DESC
}

type Comment {
  id: ID!
  uid: String!
  html: String!
  text: String!
  category: CommentCategory!
  createdAt: DateTime!
  updatedAt: DateTime!
  user: User!
  todo: Todo
}

enum CommentCategory {
  DISCUSSION
  STATUS_UPDATE
  TODO
}

input TodoCustomFieldFilterInput {
  todoId: String
}

input CreateTodoInput {
  todoListId: String
  title: String!
  position: Float
  startedAt: DateTime
  duedAt: DateTime
  notify: Boolean
  description: String
  placement: CreateTodoInputPlacement
  assigneeIds: [String!]
  checklists: [CreateChecklistWithoutTodoInput!]
  customFields: [CreateTodoInputCustomField]
  tags: [CreateTodoTagInput!]
}

enum CreateTodoInputPlacement {
  TOP
  BOTTOM
}

input CreateChecklistWithoutTodoInput {
  title: String!
  position: Float
}

input CreateTodoInputCustomField {
  customFieldId: String
  value: String
}

input CreateTodoTagInput {
  id: String
  title: String
  color: String
}

enum WebhookEvent {
  TODO_CREATED
  TODO_DELETED
  TODO_MOVED
  TODO_NAME_CHANGED
  TODO_DONE_STATUS_UPDATED
  TODO_DUE_DATE_ADDED
  TODO_DUE_DATE_UPDATED
  TODO_DUE_DATE_REMOVED
  TODO_ASSIGNEE_ADDED
  TODO_ASSIGNEE_REMOVED
  TODO_TAG_ADDED
  TODO_TAG_REMOVED
  TODO_CUSTOM_FIELD_UPDATED
  TODO_CHECKLIST_CREATED
  TODO_CHECKLIST_NAME_CHANGED
  TODO_CHECKLIST_DELETED
  TODO_CHECKLIST_ITEM_CREATED
  TODO_CHECKLIST_ITEM_NAME_CHANGED
  TODO_CHECKLIST_ITEM_DELETED
  TODO_CHECKLIST_ITEM_DUE_DATE_ADDED
  TODO_CHECKLIST_ITEM_DUE_DATE_UPDATED
  TODO_CHECKLIST_ITEM_DUE_DATE_REMOVED
  TODO_CHECKLIST_ITEM_ASSIGNEE_ADDED
  TODO_CHECKLIST_ITEM_ASSIGNEE_REMOVED
  TODO_CHECKLIST_ITEM_DONE_STATUS_UPDATED
  TODO_LIST_CREATED
  TODO_LIST_DELETED
  TODO_LIST_NAME_CHANGED
  CUSTOM_FIELD_CREATED
  CUSTOM_FIELD_DELETED
  CUSTOM_FIELD_UPDATED
  TAG_CREATED
  TAG_DELETED
  TAG_UPDATED
  COMMENT_CREATED
  COMMENT_DELETED
  COMMENT_UPDATED
}

enum WebhookStatusType {
  HEALTHY
  UNHEALTHY
}

input CreateWebhookInput {
  name: String
  url: String!
  events: [WebhookEvent!]
  projectIds: [String!]
}

type Webhook {
  id: ID!
  uid: String!
  name: String
  url: String!
  secret: String
  status: WebhookStatusType!
  events: [WebhookEvent!]
  projectIds: [String!]
  enabled: Boolean
  createdAt: DateTime!
  updatedAt: DateTime!
}

input WebhookFilter {
  enabled: Boolean
}

type WebhookPagination {
  items: [Webhook!]!
  pageInfo: PageInfo!
}

input DeleteWebhookInput {
  webhookId: String!
}

type MutationResult {
  success: Boolean!
  operationId: String
}

# Record actions (issue 15).
input EditTodoInput {
  todoListId: String
  todoId: String!
  position: Float
  title: String
  html: String
  text: String
  startedAt: DateTime
  duedAt: DateTime
  tags: [CreateTodoTagInput!]
}

input SetTodoCustomFieldInput {
  todoId: String!
  customFieldId: String!
  regionCode: String
  currency: String
  countryCodes: [String!]
  text: String
  number: Float
  checked: Boolean
  latitude: Float
  longitude: Float
  startDate: DateTime
  endDate: DateTime
  customFieldOptionId: String
  customFieldOptionIds: [String!]
}

input UpdateTodosInput {
  unassigneeId: String
  removeTagId: String
  assigneeId: String
  tagId: String
  todoListId: String
  done: Boolean
  filter: UpdateTodosInputFilter
}

input UpdateTodosInputFilter {
  todoListId: String
  todoIds: [String!]
}

input SetTodoTagsInput {
  todoId: String!
  tagIds: [String!]
  tagTitles: [String!]
}

input SetTodoAssigneesInput {
  todoId: String!
  assigneeIds: [String!]!
}

input AddTodoAssigneesInput {
  todoId: String!
  assigneeIds: [String!]!
}

input RemoveTodoAssigneesInput {
  todoId: String!
  assigneeIds: [String!]!
}

input CreateCommentInput {
  html: String!
  text: String!
  category: CommentCategory!
  categoryId: String!
}

input CreateChecklistInput {
  todoId: String!
  title: String!
  position: Float!
}

input CreateChecklistItemInput {
  checklistId: String!
  title: String!
  position: Float!
}

type Checklist {
  id: ID!
  uid: String!
  title: String!
  position: Float!
  createdAt: DateTime!
  updatedAt: DateTime!
  todo: Todo!
  checklistItems: [ChecklistItem!]!
}

type ChecklistItem {
  id: ID!
  uid: String!
  title: String!
  position: Float!
  done: Boolean!
  createdAt: DateTime!
  updatedAt: DateTime!
  checklist: Checklist!
}
`;
