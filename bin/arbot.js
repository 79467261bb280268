#!/usr/bin/env node
// Entry point: arbot is written in TypeScript and run through tsx's ESM loader,
// so `npm install && npm start` needs no build step.
import { register } from 'tsx/esm/api';

register();
await import('../app/cli/main.ts');
