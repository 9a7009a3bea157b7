// Fuzzing redirect answers (issue 13.3): any 3xx status, any Location (absolute, relative,
// protocol-relative, malformed, carrying a secret, missing), for Codat and Blue calls alike.
// Whatever it is, the call fails with an error naming where it pointed, sends nothing there and
// quotes no secret; an unsubscribe never reports success.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import nock from 'nock';
import App from '../../index.js';
import { coreRunner } from '../support/core-runner.js';
import { readError } from '../support/errors.js';
import { leaks } from '../support/secret-hygiene.js';
import { FUZZ_SEED, hostileString } from './arbitraries.js';

const runner = coreRunner(App);
const CODAT = 'https://codat-redirect.example.com';
const BLUE = 'https://blue-redirect.example.com';
const ZAPIER_KEY = 'sk_integ_REDIRECTfuzz7c1e9a0b4d.us';
const TOKEN_SECRET = 'pat_REDIRECTfuzz5f2b8c0d9e1a';
const WEBHOOK_SECRET = 'whsec_UkVESVJFQ1QtZnV6ei1zZWNyZXQtMDEyMzQ1Njc4OQ==';
const RUNS = Number(process.env.FUZZ_RUNS_REDIRECTS ?? 300);

const triggers = App.triggers as unknown as Record<string, { operation: Record<string, unknown> }>;
const codatAuth = { codatClientId: 'client-r', codatZapierKey: ZAPIER_KEY };
const blueAuth = {
  blueTokenId: 'tok-r',
  blueTokenSecret: TOKEN_SECRET,
  blueCompanyId: 'acme',
  blueProjectId: 'cprojredirect000000000001',
};

const OPERATIONS = [
  {
    name: 'codat auth test',
    base: CODAT,
    method: 'GET',
    path: /^\/api\/v1\/app\/client-r\/endpoint/,
    fn: App.authentication!.test,
    bundle: { authData: codatAuth },
  },
  {
    name: 'codat unsubscribe',
    base: CODAT,
    method: 'DELETE',
    path: /^\/api\/v1\/app\/client-r\/endpoint\/ep_r$/,
    fn: triggers.codat_event!.operation.performUnsubscribe,
    bundle: {
      authData: codatAuth,
      inputData: {},
      subscribeData: { id: 'ep_r', secret: WEBHOOK_SECRET, eventTypes: ['all'] },
    },
  },
  {
    name: 'blue auth test',
    base: BLUE,
    method: 'POST',
    path: /^\/graphql$/,
    fn: App.authentication!.test,
    bundle: { authData: blueAuth },
  },
  {
    name: 'blue unsubscribe',
    base: BLUE,
    method: 'POST',
    path: /^\/graphql$/,
    fn: triggers.new_todo!.operation.performUnsubscribe,
    bundle: {
      authData: blueAuth,
      inputData: {},
      subscribeData: { id: 'wh-r', secret: WEBHOOK_SECRET, projectId: 'cprojredirect000000000001' },
    },
  },
] as const;

const OTHER = 'collector.evil.example';
const locationArb = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    `https://${OTHER}/x`,
    `//${OTHER}/protocol-relative`,
    `http://${OTHER}:8080/?key=${ZAPIER_KEY}`,
    `https://${OTHER}/${encodeURIComponent(TOKEN_SECRET)}`,
    '/same-host/path',
    'relative/path',
    '?only=query',
    'http://[::1',
    'javascript:alert(1)',
    '',
  ),
  hostileString,
);

let otherHits = 0;
beforeAll(() => {
  process.env.CODAT_WEBHOOKS_API_URL = CODAT;
  process.env.BLUE_API_URL = `${BLUE}/graphql`;
  if (!nock.isActive()) nock.activate();
  nock.disableNetConnect();
  // Anything that reaches a host other than the configured ones is counted (and refused).
  nock.emitter.on('no match', () => {
    otherHits++;
  });
});
afterAll(() => {
  nock.emitter.removeAllListeners('no match');
  nock.cleanAll();
  delete process.env.CODAT_WEBHOOKS_API_URL;
  delete process.env.BLUE_API_URL;
});

describe(`redirect fuzzing (${RUNS} answers, seed ${FUZZ_SEED})`, () => {
  it('fails every 3xx with an error naming its target, following none, quoting no secret', async () => {
    const messages: string[] = [];
    const tally = { cases: 0, namedHost: 0, noTarget: 0 };
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...OPERATIONS),
        fc.integer({ min: 300, max: 399 }),
        fc.option(locationArb, { nil: undefined, freq: 8 }),
        async (o, code, location) => {
          nock.cleanAll();
          const headers: Record<string, string> = {};
          // Header values must be sendable; a hostile one is carried base64url-encoded.
          if (location !== undefined)
            headers.Location = /^[\t\x20-\x7e]*$/.test(location)
              ? location
              : Buffer.from(location).toString('base64url');
          const scope = nock(o.base)
            .intercept(o.path, o.method)
            .reply(code, `moved ${ZAPIER_KEY} ${TOKEN_SECRET}`, headers);
          const hitsBefore = otherHits;
          let error: ReturnType<typeof readError> | undefined;
          try {
            const result = await runner.run(o.fn, o.bundle);
            throw new Error(`${o.name} returned ${JSON.stringify(result)} on a ${code}`);
          } catch (err) {
            if (err instanceof Error && err.message.includes(' returned ')) throw err;
            error = readError(err);
          }
          tally.cases++;
          expect(error.name).toBe('AppError');
          expect(error.code).toBe('unexpected_redirect');
          expect(error.message).toMatch(
            new RegExp(`answered with a redirect \\(HTTP ${code}\\) (to |without a target)`),
          );
          if (/without a target/.test(error.message)) tally.noTarget++;
          else tally.namedHost++;
          expect(scope.isDone()).toBe(true);
          expect(otherHits).toBe(hitsBefore);
          messages.push(error.message, error.raw);
        },
      ),
      { seed: FUZZ_SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(tally.cases).toBe(RUNS);
    expect(tally.namedHost).toBeGreaterThan(RUNS * 0.5);
    expect(tally.noTarget).toBeGreaterThan(0);
    expect(leaks([...messages, ...runner.logs], [ZAPIER_KEY, TOKEN_SECRET, WEBHOOK_SECRET], 8)).toEqual([]);
  });
});
