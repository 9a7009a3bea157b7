// The one home of input coercion (blue/inputs.ts) and the Blue client's "not safe to repeat" option.
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import zapier, { type Bundle, type ZObject } from 'zapier-platform-core';
import App from '../../index.js';
import { blueQuery } from '../../blue/client.js';
import { bool, date, list, requiredText, text } from '../../blue/inputs.js';
import * as zod from '../../common/zod.js';
import { caught } from '../support/errors.js';
import { AUTH, BLUE_URL, useNock } from './fixtures.js';

useNock();
const appTester = zapier.createAppTester(App);
// Only z.errors is used by the coercion helpers.
const z = { errors: { Error: class extends Error {} } } as unknown as ZObject;

describe('input coercion', () => {
  it('text: trimmed, numbers and booleans as text, empty as undefined', () => {
    expect(text('  a b ')).toBe('a b');
    expect(text(12)).toBe('12');
    expect(text(false)).toBe('false');
    expect(text('   ')).toBeUndefined();
    expect(text(null)).toBeUndefined();
    expect(text({})).toBeUndefined();
  });

  it('list: arrays or one mapped string; ids split on commas and de-duplicated, titles kept', () => {
    expect(list(['a', ' b ', '', null], true)).toEqual(['a', 'b']);
    expect(list('a, b,,a', true)).toEqual(['a', 'b']);
    expect(list('Call, then ship', false)).toEqual(['Call, then ship']);
    expect(list(['Call', 'Call'], false)).toEqual(['Call', 'Call']);
    expect(list(undefined, true)).toEqual([]);
  });

  it('bool: booleans and yes/no words; anything else is refused by name', () => {
    expect(bool(z, true, 'Notify')).toBe(true);
    for (const yes of ['yes', 'TRUE', '1', 'on', 'checked']) expect(bool(z, yes, 'Notify')).toBe(true);
    for (const no of ['no', 'False', '0', 'off', 'unchecked']) expect(bool(z, no, 'Notify')).toBe(false);
    expect(bool(z, '', 'Notify')).toBeUndefined();
    expect(() => bool(z, 'maybe', 'Notify')).toThrow('Notify must be true or false, not "maybe".');
  });

  it('date: ISO-8601 UTC; a non-date is refused by name', () => {
    expect(date(z, '2026-03-01T09:00:00Z', 'Due Date')).toBe('2026-03-01T09:00:00.000Z');
    expect(date(z, '', 'Due Date')).toBeUndefined();
    expect(() => date(z, 'next week', 'Due Date')).toThrow(/Due Date "next week" is not a date: use ISO-8601/);
  });

  it('requiredText: names the empty field', () => {
    expect(() => requiredText(z, ' ', 'Title', 'map or type one.')).toThrow('Title is empty: map or type one.');
    expect(requiredText(z, ' T ', 'Title', '')).toBe('T');
  });
});

describe('Blue client: notIdempotent', () => {
  const call = (notIdempotent: boolean | string | undefined) => async (zz: ZObject, bundle: Bundle) =>
    blueQuery(zz, bundle, {
      query: 'mutation ZapierX { x }',
      action: 'toggle the record',
      schema: zod.unknown(),
      ...(notIdempotent === undefined ? {} : { notIdempotent }),
    });
  const run = (fn: ReturnType<typeof call>) => appTester(fn as never, { authData: AUTH, inputData: {} } as never);

  it('warns after a gateway error that Blue may have carried the call out (the general warning)', async () => {
    nock(BLUE_URL).post('/graphql').reply(504, 'Gateway Timeout');
    const err = await caught(run(call(true)));
    expect(err.message).toMatch(
      /HTTP 504\) while trying to toggle the record\. This is on Blue's side and Blue may have carried this out anyway: check in Blue before replaying this run, or it may happen twice\./,
    );
  });

  it("uses the call's own warning after a dropped connection", async () => {
    nock(BLUE_URL)
      .post('/graphql')
      .replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }));
    const err = await caught(run(call('The record may have been toggled: check it in Blue.')));
    expect(err.code).toBe('network_error');
    expect(err.message).toMatch(/\(the connection was reset\)\. The record may have been toggled: check it in Blue\.$/);
  });

  it('says "try again" for a call safe to repeat', async () => {
    nock(BLUE_URL).post('/graphql').reply(504, 'Gateway Timeout');
    const err = await caught(run(call(undefined)));
    expect(err.message).toMatch(/usually temporary: try again in a few minutes/);
    expect(err.message).not.toMatch(/may have/);
  });
});
