import { describe, expect, it } from '@jest/globals';
import {
  hasRecordFilter,
  matchesRecordFilter,
  recordFilterFrom,
  recordFilterVerdict,
  todosFilterFields,
  type FilterableRecord,
} from '../../blue/record-filters.js';

const RECORD: FilterableRecord = {
  todoList: { id: 'list-orders' },
  tags: [{ id: 'tag-vip' }, { id: 'tag-eu' }],
  assignees: [{ id: 'user-ada' }],
};
const NONE = { list: false, tags: false, assignees: false };

describe('record filters', () => {
  it('reads trimmed inputs and ignores empty ones', () => {
    expect(recordFilterFrom({ todoListId: ' list-orders ', tagId: '', assigneeId: null })).toEqual({
      todoListId: 'list-orders',
    });
    expect(hasRecordFilter(recordFilterFrom({}))).toBe(false);
    expect(hasRecordFilter({ tagId: 'tag-vip' })).toBe(true);
  });

  it.each([
    [{}, true],
    [{ todoListId: 'list-orders' }, true],
    [{ todoListId: 'list-done' }, false],
    [{ tagId: 'tag-eu' }, true],
    [{ tagId: 'tag-us' }, false],
    [{ assigneeId: 'user-ada' }, true],
    [{ assigneeId: 'user-bob' }, false],
    [{ todoListId: 'list-orders', tagId: 'tag-vip', assigneeId: 'user-ada' }, true],
    [{ todoListId: 'list-orders', tagId: 'tag-vip', assigneeId: 'user-bob' }, false],
  ])('%j matches: %s', (filter, expected) => {
    expect(matchesRecordFilter(filter, RECORD)).toBe(expected);
    expect(recordFilterVerdict(filter, RECORD, NONE)).toBe(expected);
  });

  it('a record without tags or assignees matches no tag or assignee filter', () => {
    const bare: FilterableRecord = { todoList: { id: null }, tags: [], assignees: [] };
    expect(matchesRecordFilter({ tagId: 'tag-vip' }, bare)).toBe(false);
    expect(matchesRecordFilter({ assigneeId: 'user-ada' }, bare)).toBe(false);
    expect(matchesRecordFilter({ todoListId: 'list-orders' }, bare)).toBe(false);
  });

  it('undecided when only data the delivery lacks could decide; a mismatch it carries decides at once', () => {
    expect(recordFilterVerdict({ tagId: 'tag-us' }, RECORD, { ...NONE, tags: true })).toBeUndefined();
    expect(
      recordFilterVerdict({ todoListId: 'list-orders', tagId: 'tag-us' }, RECORD, { ...NONE, tags: true }),
    ).toBeUndefined();
    expect(recordFilterVerdict({ todoListId: 'list-done', tagId: 'tag-us' }, RECORD, { ...NONE, tags: true })).toBe(
      false,
    );
    expect(recordFilterVerdict({ assigneeId: 'user-ada' }, RECORD, { ...NONE, list: true })).toBe(true);
  });

  it('asks Blue for the same records through TodosFilter', () => {
    expect(todosFilterFields({})).toEqual({});
    expect(todosFilterFields({ todoListId: 'l', tagId: 't', assigneeId: 'u' })).toEqual({
      todoListIds: ['l'],
      tagIds: ['t'],
      assigneeIds: ['u'],
    });
  });
});
