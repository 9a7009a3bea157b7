// The smaller resources "New Blue Event" reports on: lists, tags, custom fields, checklists and
// checklist items. Each has one output shape, read leniently from the stored entity Blue delivers
// (Blue documents no field list for them; these are the columns its GraphQL types share), and an
// example for the Zap editor, since Blue has no "recent changes" query for them.
import { bool, firstStr, num, obj, str } from './read.js';

const times = (raw: Record<string, unknown>) => ({ createdAt: str(raw.createdAt), updatedAt: str(raw.updatedAt) });

export type ListOutput = {
  id: string | null;
  uid: string | null;
  title: string | null;
  position: number | null;
  projectId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
};

export function listOutput(input: unknown): ListOutput {
  const raw = obj(input) ?? {};
  return {
    id: str(raw.id),
    uid: str(raw.uid),
    title: str(raw.title),
    position: num(raw.position),
    projectId: firstStr(raw.projectId, obj(raw.project)?.id),
    ...times(raw),
  };
}

export type TagOutput = {
  id: string | null;
  uid: string | null;
  title: string | null;
  color: string | null;
  projectId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
};

export function tagOutput(input: unknown): TagOutput {
  const raw = obj(input) ?? {};
  return {
    id: str(raw.id),
    uid: str(raw.uid),
    title: str(raw.title),
    color: str(raw.color),
    projectId: firstStr(raw.projectId, obj(raw.project)?.id),
    ...times(raw),
  };
}

export type CustomFieldOutput = {
  id: string | null;
  uid: string | null;
  name: string | null;
  type: string | null;
  description: string | null;
  projectId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
};

export function customFieldOutput(input: unknown): CustomFieldOutput {
  const raw = obj(input) ?? {};
  return {
    id: str(raw.id),
    uid: str(raw.uid),
    name: str(raw.name),
    type: str(raw.type),
    description: str(raw.description),
    projectId: firstStr(raw.projectId, obj(raw.project)?.id),
    ...times(raw),
  };
}

/** A checklist or one of its items (the Checklists events cover both). */
export type ChecklistOutput = {
  id: string | null;
  uid: string | null;
  title: string | null;
  position: number | null;
  /** Items only. */
  done: boolean | null;
  startedAt: string | null;
  duedAt: string | null;
  /** The checklist an item belongs to. */
  checklistId: string | null;
  /** The record a checklist belongs to. */
  todoId: string | null;
  createdAt: string | null;
  updatedAt: string | null;
};

export function checklistOutput(input: unknown): ChecklistOutput {
  const raw = obj(input) ?? {};
  return {
    id: str(raw.id),
    uid: str(raw.uid),
    title: str(raw.title),
    position: num(raw.position),
    done: bool(raw.done),
    startedAt: str(raw.startedAt),
    duedAt: str(raw.duedAt),
    checklistId: firstStr(raw.checklistId, obj(raw.checklist)?.id),
    todoId: firstStr(raw.todoId, obj(raw.todo)?.id, obj(obj(raw.checklist)?.todo)?.id),
    ...times(raw),
  };
}

const CREATED = '2026-01-05T09:30:00.000Z';
const UPDATED = '2026-01-05T09:45:00.000Z';

export const EXAMPLE_LIST = listOutput({
  id: 'clx0example0list0000000001',
  uid: 'example-list',
  title: 'Orders',
  position: 65535,
  projectId: 'clx0example0project000001',
  createdAt: CREATED,
  updatedAt: UPDATED,
});

export const EXAMPLE_TAG = tagOutput({
  id: 'clx0example0tag00000000001',
  uid: 'example-tag',
  title: 'Priority',
  color: '#ff0000',
  projectId: 'clx0example0project000001',
  createdAt: CREATED,
  updatedAt: UPDATED,
});

export const EXAMPLE_CUSTOM_FIELD = customFieldOutput({
  id: 'clx0example0field000000001',
  uid: 'example-field',
  name: 'Order Status',
  type: 'SELECT_SINGLE',
  description: 'Where the order stands',
  projectId: 'clx0example0project000001',
  createdAt: CREATED,
  updatedAt: UPDATED,
});

export const EXAMPLE_CHECKLIST_ITEM = checklistOutput({
  id: 'clx0example0checklist00001',
  uid: 'example-checklist-item',
  title: 'Example checklist item',
  position: 65535,
  done: false,
  startedAt: null,
  duedAt: '2026-01-15T17:00:00.000Z',
  checklistId: 'clx0example0checklist00000',
  todoId: 'clx0example0todo0000000001',
  createdAt: CREATED,
  updatedAt: UPDATED,
});
