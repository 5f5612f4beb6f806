#!/usr/bin/env node
import { main } from './main.js';

const controller = new AbortController();
let interrupts = 0;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupts += 1;
    // A second Ctrl-C while we are saving work exits at once.
    if (interrupts > 1) process.exit(130);
    controller.abort(new Error(signal));
  });
}

process.exitCode = await main(process.argv, undefined, controller.signal);
