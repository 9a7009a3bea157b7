import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ALL_EVENTS, EVENT_GROUPS, RECORD_CHANGE_EVENTS, eventChoices, eventLabel, isBlueWebhookEvent, isDeleteEvent } from '../../blue/events.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const schemaPath = process.env.BLUE_SCHEMA || path.resolve(repoRoot, '../shared/reference/blue/schema.graphql');

describe('Blue webhook event catalog', () => {
  it('has 37 distinct events in six groups', () => {
    expect(ALL_EVENTS).toHaveLength(37);
    expect(new Set(ALL_EVENTS).size).toBe(37);
    expect(EVENT_GROUPS.map((g) => g.group)).toEqual(['Records', 'Checklists', 'Lists', 'Custom Fields', 'Tags', 'Comments']);
  });

  (existsSync(schemaPath) ? it : it.skip)('matches enum WebhookEvent in Blue\'s schema', () => {
    const text = readFileSync(schemaPath, 'utf8');
    const body = /enum WebhookEvent \{([^}]*)\}/.exec(text)?.[1] ?? '';
    const fromSchema = body.split(/\s+/).filter(Boolean);
    expect([...ALL_EVENTS].sort()).toEqual(fromSchema.sort());
  });

  it('gives every event a distinct Title Case label prefixed by its group in the dropdown', () => {
    const choices = eventChoices();
    expect(choices).toHaveLength(37);
    expect(new Set(choices.map((c) => c.label)).size).toBe(37);
    for (const c of choices) {
      expect(c.label).toMatch(/^(Records|Checklists|Lists|Custom Fields|Tags|Comments): /);
      expect(c.label).not.toMatch(/_/);
    }
    expect(eventLabel('COMMENT_CREATED')).toBe('Comment Added');
    expect(eventLabel('UNKNOWN')).toBe('UNKNOWN');
  });

  it('classifies events', () => {
    expect(isBlueWebhookEvent('TAG_UPDATED')).toBe(true);
    expect(isBlueWebhookEvent('WEBHOOK_HEALTH_CHECK')).toBe(false);
    expect(isDeleteEvent('TODO_CHECKLIST_ITEM_DELETED')).toBe(true);
    expect(isDeleteEvent('TODO_CREATED')).toBe(false);
    expect(RECORD_CHANGE_EVENTS).not.toContain('TODO_CREATED');
    expect(RECORD_CHANGE_EVENTS).not.toContain('TODO_DELETED');
    expect(RECORD_CHANGE_EVENTS).toContain('TODO_CUSTOM_FIELD_UPDATED');
  });
});
