#!/usr/bin/env node
// Runs the compiled CLI. `npm run build` writes dist/; `npm ci` and `npm install` from a git URL build it
// through the `prepare` script, and a packed tarball carries it.
await import('../dist/main.js');
