// The app's one door to zod. It uses zod's lightweight functional API (`zod/mini`: the same
// validators, with checks and wrappers as functions) because its schemas are much cheaper to build
// and bundle than the method-chaining classic API, and every cold start builds all of them
// (`npm run bench`). zod/mini ships no messages by default: English is configured here, once,
// so issue messages read as in classic zod ("Invalid input: expected string, received number").
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
