import { readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, isEnumType } from 'graphql';
import {
  ALL_EVENTS,
  EVENT_GROUPS,
  RECORD_CHANGE_EVENTS,
  eventChoices,
  eventLabel,
  isBlueWebhookEvent,
  isDeleteEvent,
} from '../../blue/events.js';
import { BLUE_SANDBOX_SDL } from '../../sandbox/blue-schema.js';
import { describeReference } from '../support/reference.js';

function webhookEvents(sdl: string): string[] {
  const type = buildSchema(sdl, { assumeValidSDL: true }).getType('WebhookEvent');
  return isEnumType(type) ? type.getValues().map((v) => v.name) : [];
}

describe('Blue webhook event catalog', () => {
  it('has 37 distinct events in six groups', () => {
    expect(ALL_EVENTS).toHaveLength(37);
    expect(new Set(ALL_EVENTS).size).toBe(37);
    expect(EVENT_GROUPS.map((g) => g.group)).toEqual([
      'Records',
      'Checklists',
      'Lists',
      'Custom Fields',
      'Tags',
      'Comments',
    ]);
  });

  it("matches enum WebhookEvent in the project's Blue SDL", () => {
    expect([...ALL_EVENTS].sort()).toEqual(webhookEvents(BLUE_SANDBOX_SDL).sort());
  });

  it('gives every event a distinct Title Case label prefixed by its group in the dropdown', () => {
    const choices = eventChoices();
    expect(Object.keys(choices)).toEqual([...ALL_EVENTS]);
    const labels = Object.values(choices);
    expect(new Set(labels).size).toBe(37);
    for (const label of labels) {
      expect(label).toMatch(/^(Records|Checklists|Lists|Custom Fields|Tags|Comments): /);
      expect(label).not.toMatch(/_/);
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

describeReference("Blue webhook event catalog against Blue's full schema", 'blue/schema.graphql', (file) => {
  it('matches enum WebhookEvent there too (the SDL lists every value Blue has)', () => {
    expect([...ALL_EVENTS].sort()).toEqual(webhookEvents(readFileSync(file, 'utf8')).sort());
  });
});
