// Where a `lookup()` from JavaScript spends its time: runs the module of www/pkg/ in
// Node (V8, the engine of Chromium) over the bench corpus and prints the time per call
// (the fastest of 25 batches: steadier than a mean on a shared machine) for `lookup()`
// and for the report with and without its record inside wasm, then, from V8's CPU
// profile, the share of samples under each function (self and callees). Companion of
// bench.mjs, which gives the speeds in Chromium; BENCHMARKS.md cites both.
//
// Usage: node tests/browser/lookup-profile.mjs [CALLS] [TOP]   (after `make wasm`)
// Wasm functions have names only in a module built with them (`make wasm`'s keeps none:
// `wasm-function[N]`): scripts/wasm_code_sizes.sh leaves one, the same code before
// wasm-opt, in target/wasm-named/named/; run with NUMREP_PKG=target/wasm-named/named.

import { readFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

import { WWW } from "./support.mjs";

const CALLS = Number(process.argv[2] || 300_000);
const TOP = Number(process.argv[3] || 30);
const pkg = resolve(process.env.NUMREP_PKG || join(WWW, "pkg"));

const numrep = await import(pathToFileURL(join(pkg, "numrep_wasm.js")).href);
await numrep.default({ module_or_path: readFileSync(join(pkg, "numrep_wasm_bg.wasm")) });
const corpus = numrep.benchCorpus();
const run = (calls) => {
  for (let i = 0; i < calls; i++) numrep.lookup(corpus[i % corpus.length], "DE", "en");
};
run(20_000); // warm up: every function optimised before anything is timed

/** Microseconds per call of `batch`, which returns how many calls it made: the fastest of 25. */
function fastest(batch) {
  let best = Infinity;
  for (let i = 0; i < 25; i++) {
    const start = performance.now();
    const calls = batch();
    best = Math.min(best, (performance.now() - start) / calls);
  }
  return (best * 1000).toFixed(2);
}
const BATCH = 50_000;
const lookups = () => (run(BATCH), BATCH);
// benchReports(rounds, …) makes one report per corpus number and round, and says how many.
const rounds = Math.ceil(BATCH / 5 / corpus.length);
console.log(`lookup() from JS: ${fastest(lookups)} µs per call`);
console.log(`report and record inside wasm: ${fastest(() => numrep.benchReports(rounds, true))} µs`);
console.log(`report alone inside wasm: ${fastest(() => numrep.benchReports(rounds, false))} µs`);

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.setSamplingInterval", { interval: 50 });
await session.post("Profiler.start");
const start = performance.now();
run(CALLS);
const elapsed = performance.now() - start;
const { profile } = await session.post("Profiler.stop");
session.disconnect();

// Samples under each function name, counted once per sample however deep it recurses.
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
const hits = new Map();
for (const id of profile.samples) hits.set(id, (hits.get(id) || 0) + 1);
const name = (node) => node.callFrame.functionName.replace(/::h[0-9a-f]{16}$/, "") || "(anonymous)";
const inclusive = new Map();
function walk(node, onStack) {
  const own = name(node);
  const outer = onStack.has(own);
  onStack.add(own);
  let samples = hits.get(node.id) || 0;
  for (const child of node.children || []) samples += walk(nodes.get(child), onStack);
  if (!outer) {
    onStack.delete(own);
    inclusive.set(own, (inclusive.get(own) || 0) + samples);
  }
  return samples;
}
walk(profile.nodes[0], new Set());

const total = profile.samples.length;
console.log(`${CALLS} lookup() calls: ${((elapsed * 1000) / CALLS).toFixed(2)} µs each under the profiler`);
console.log("share of samples (function and its callees):");
const rows = [...inclusive].filter(([fn]) => !fn.startsWith("(")).sort((a, b) => b[1] - a[1]);
for (const [fn, samples] of rows.slice(0, TOP)) {
  console.log(`${((100 * samples) / total).toFixed(1).padStart(6)} %  ${fn.slice(0, 120)}`);
}
