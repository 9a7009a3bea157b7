import { describe, expect, it } from '@jest/globals';
import { webhooksBaseUrl } from '../../codat/config.js';

describe('webhooksBaseUrl', () => {
  it.each([
    ['sk_integ_abc.us', 'https://api.us.svix.com'],
    ['sk_integ_abc.eu', 'https://api.eu.svix.com'],
    ['sk_integ_abc.in', 'https://api.in.svix.com'],
    ['sk_integ_abc.ca', 'https://api.ca.svix.com'],
    ['sk_integ_abc.au', 'https://api.au.svix.com'],
    ['sk_integ_abc.EU', 'https://api.eu.svix.com'],
    ['sk_integ_abc', 'https://api.svix.com'],
    ['sk_integ_abc.zz', 'https://api.svix.com'],
  ])('maps key %s to %s', (key, url) => {
    expect(webhooksBaseUrl(key, {})).toBe(url);
  });

  it('lets CODAT_WEBHOOKS_API_URL override the region (without a trailing slash)', () => {
    expect(webhooksBaseUrl('sk_integ_abc.eu', { CODAT_WEBHOOKS_API_URL: 'http://127.0.0.1:4010/' })).toBe(
      'http://127.0.0.1:4010',
    );
  });
});
