#!/usr/bin/env node
// The package's `rapport` command (npx rapport …): runs the TypeScript entry through tsx, as in development.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
