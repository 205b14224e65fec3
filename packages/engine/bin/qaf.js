#!/usr/bin/env node
// The qaf command: a stable file for the bin link (it exists before the engine is built).
import { run } from '../dist/cli/main.js';

const cwd = process.env.INIT_CWD ?? process.cwd();
run(process.argv.slice(2), { out: (s) => console.log(s), err: (s) => console.error(s), cwd }).then((code) => {
  process.exitCode = code;
});
