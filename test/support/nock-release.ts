// Jest gives each test file its own nock module instance, but they all patch the same node:http.
// A file that leaves its instance active (net connect disabled) would block the next file's
// interceptors in the same worker, so every file releases nock when it ends.
import { afterAll } from '@jest/globals';
import nock from 'nock';

afterAll(() => {
  nock.cleanAll();
  nock.enableNetConnect();
  nock.restore();
});
