import zapier, { defineApp } from 'zapier-platform-core';

import packageJson from './package.json' with { type: 'json' };

import authentication from './authentication.js';

export default defineApp({
  version: packageJson.version,
  platformVersion: zapier.version,
  authentication,
  triggers: {},
  creates: {},
});
