#!/usr/bin/env node
// The CLI runs straight from its TypeScript sources: tsx compiles them as they load.
import { register } from 'tsx/esm/api';

register();
await import('../src/index.ts');
