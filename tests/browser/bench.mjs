// Size and in-browser speed of the wasm module and the widget: `make bench-wasm`
// (builds www/pkg first). Prints a Markdown table for BENCHMARKS.md. Only 127.0.0.1 is
// contacted; Chromium is the system one (/usr/bin/chromium).

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

import { WWW, launchChromium, serveWww } from "./support.mjs";

const RUNS = Number(process.env.RUNS || 9);
const BENCH_ROUNDS = 100_000;
const LOOKUP_CALLS = 100_000;
const FIRST_NUMBER = "+49 900 5123456";

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function size(path) {
  const bytes = readFileSync(path);
  return { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
}

const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

/** A page that sets a number as soon as the widget exists and records the first answer. */
function firstAnswerPage(config) {
  const attr = config ? ` config="${config}"` : "";
  return {
    type: "text/html; charset=utf-8",
    body: `<!doctype html><html lang="en"><head><meta charset="utf-8">
<script type="module" src="/numrep-lookup.js"></script></head><body>
<numrep-lookup${attr}></numrep-lookup>
<script type="module">
  const el = document.querySelector("numrep-lookup");
  el.addEventListener("numrep-result", () => { window.__firstAnswer ??= performance.now(); });
  customElements.whenDefined("numrep-lookup").then(() => { el.value = ${JSON.stringify(FIRST_NUMBER)}; });
</script></body></html>`,
  };
}

/** Runs inside the page: instantiation, first answer, and throughput of the module. */
async function measureModule([number, benchRounds, lookupCalls]) {
  const t0 = performance.now();
  const module = await import("/pkg/numrep_wasm.js");
  const t1 = performance.now();
  await module.default();
  const t2 = performance.now();
  const first = module.lookup(number, "DE", "en");
  const t3 = performance.now();
  const checker = new module.NumrepChecker("DE", "en");
  checker.check(number);
  const t4 = performance.now();
  if (first.risk !== "high") throw new Error(`unexpected first answer: ${first.risk}`);

  module.bench(1000); // warm up
  const b0 = performance.now();
  const classified = module.bench(benchRounds);
  const b1 = performance.now();
  // The core's full report inside wasm, then also its record: what lookup() adds to them
  // is the boundary (call, record read into the object).
  const reportRounds = benchRounds / 5;
  const reports = module.benchReports(reportRounds, false);
  const b2 = performance.now();
  const records = module.benchReports(reportRounds, true);
  const b3 = performance.now();

  const corpus = module.benchCorpus();
  for (let i = 0; i < 2000; i++) module.lookup(corpus[i % corpus.length], "DE", "en");
  const l0 = performance.now();
  for (let i = 0; i < lookupCalls; i++) module.lookup(corpus[i % corpus.length], "DE", "en");
  const l1 = performance.now();
  for (let i = 0; i < lookupCalls; i++) checker.check(corpus[i % corpus.length]);
  const l2 = performance.now();
  checker.free();

  // The floor of "returns its report object": the object alone, built as the reader
  // builds it (object literals of the report's fields, nested objects and arrays new
  // too) from values at hand, copied from reports of the same corpus. Kept in a ring so
  // that the engine cannot drop them unbuilt.
  const samples = corpus.slice(0, 1000).map((text) => module.lookup(text, "DE", "en"));
  const firstOf = (values) => values.find((v) => v !== null && v !== undefined) ?? null;
  let names = 0;
  // Source of an expression copying `expr`, shaped like the non-null ones of `values`.
  const copier = (expr, values) => {
    const sample = firstOf(values);
    if (Array.isArray(sample)) {
      const e = `e${names++}`;
      const items = values.filter(Array.isArray).flat();
      return `(${expr} === null ? null : ${expr}.map((${e}) => ${copier(e, items)}))`;
    }
    if (sample !== null && typeof sample === "object") {
      const parts = Object.keys(sample).map((k) => {
        const key = JSON.stringify(k);
        return `${key}: ${copier(`${expr}[${key}]`, values.map((v) => v?.[k] ?? null))}`;
      });
      return `(${expr} === null ? null : { ${parts.join(", ")} })`;
    }
    return expr;
  };
  const literal = new Function("r", `return ${copier("r", samples)};`);
  const ring = new Array(1024);
  for (let i = 0; i < 2000; i++) ring[i & 1023] = literal(samples[i % samples.length]);
  const o0 = performance.now();
  for (let i = 0; i < lookupCalls; i++) ring[i & 1023] = literal(samples[i % samples.length]);
  const o1 = performance.now();
  return {
    importMs: t1 - t0,
    instantiateMs: t2 - t1,
    firstLookupMs: t3 - t2,
    firstCheckerMs: t4 - t3,
    benchPerSec: classified / ((b1 - b0) / 1000),
    reportPerSec: reports / ((b2 - b1) / 1000),
    recordPerSec: records / ((b3 - b2) / 1000),
    lookupPerSec: lookupCalls / ((l1 - l0) / 1000),
    checkPerSec: lookupCalls / ((l2 - l1) / 1000),
    objectPerSec: lookupCalls / ((o1 - o0) / 1000),
  };
}

const offline = size(join(WWW, "pkg", "numrep_wasm_bg.wasm"));
const online = size(join(WWW, "pkg", "online", "numrep_wasm_bg.wasm"));
const glue = size(join(WWW, "pkg", "numrep_wasm.js"));
const widget = size(join(WWW, "numrep-lookup.js"));

const www = await serveWww({
  "/__bench/offline.html": firstAnswerPage(null),
  "/__bench/demo.html": firstAnswerPage("/demo/config.json"),
  "/__bench/module.html": { type: "text/html; charset=utf-8", body: "<!doctype html><title>bench</title>" },
});
const browser = await launchChromium();
const results = { pageOffline: [], pageDemo: [], module: [] };
const PAGE_PARTS = [
  ["html", "HTML received"],
  ["widgetScript", "widget script received"],
  ["wasmStart", "wasm fetch started"],
  ["wasmEnd", "wasm received"],
  ["answer", "first answer shown"],
];
try {
  for (let run = 0; run < RUNS; run++) {
    // A fresh context per run: nothing cached, every run is a cold page load.
    for (const [key, path] of [["pageOffline", "/__bench/offline.html"], ["pageDemo", "/__bench/demo.html"]]) {
      // Requests are watched, not routed: routing would add a round trip to each.
      const context = await browser.newContext();
      const foreign = [];
      context.on("request", (request) => {
        if (new URL(request.url()).hostname !== "127.0.0.1") foreign.push(request.url());
      });
      const page = await context.newPage();
      await page.goto(`${www.origin}${path}`);
      await page.waitForFunction(() => window.__firstAnswer !== undefined);
      // Resource timing entries are queued after the fact: read them once they are there.
      await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("_bg.wasm")));
      results[key].push(
        await page.evaluate(() => {
          const entry = (suffix) => performance.getEntriesByType("resource").find((e) => e.name.endsWith(suffix));
          const wasm = entry("_bg.wasm");
          return {
            answer: window.__firstAnswer,
            html: performance.getEntriesByType("navigation")[0].responseEnd,
            widgetScript: entry("/numrep-lookup.js").responseEnd,
            wasmStart: wasm.startTime,
            wasmEnd: wasm.responseEnd,
          };
        }),
      );
      await context.close();
      if (foreign.length) throw new Error(`contacted ${foreign.join(", ")}`);
    }
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${www.origin}/__bench/module.html`);
    results.module.push(await page.evaluate(measureModule, [FIRST_NUMBER, BENCH_ROUNDS, LOOKUP_CALLS]));
    await context.close();
  }
} finally {
  await browser.close();
  await www.close();
}

const m = (key) => median(results.module.map((r) => r[key]));
const ms = (v) => `${v.toFixed(2)} ms`;
const perSec = (v) => `${(v / 1e6).toFixed(2)} M/s`;
console.log(`Chromium (headless, /usr/bin/chromium), median of ${RUNS} cold runs, loopback server\n`);
console.log("| what | figure |");
console.log("| --- | --- |");
console.log(`| offline module (www/pkg/numrep_wasm_bg.wasm) | ${kb(offline.raw)} raw, ${kb(offline.gzip)} gzip -9 |`);
console.log(`| online module (www/pkg/online/numrep_wasm_bg.wasm) | ${kb(online.raw)} raw, ${kb(online.gzip)} gzip -9 |`);
console.log(`| JS glue (numrep_wasm.js) + widget (numrep-lookup.js) | ${kb(glue.gzip)} + ${kb(widget.gzip)} gzip -9 |`);
for (const [key, label] of [["pageOffline", "no config"], ["pageDemo", "demo config, 3 lists fetched"]]) {
  const parts = PAGE_PARTS.map(([part, name]) => `${name} ${ms(median(results[key].map((r) => r[part])))}`);
  console.log(`| page load → first answer, ${label} | ${parts.join("; ")} |`);
}
console.log(`| import of the JS glue | ${ms(m("importMs"))} |`);
console.log(`| fetch + compile + instantiate (init) | ${ms(m("instantiateMs"))} |`);
console.log(`| instantiated → first answer (lookup) | ${ms(m("firstLookupMs"))} |`);
console.log(`| new NumrepChecker + first check | ${ms(m("firstCheckerMs"))} |`);
console.log(`| bench(n): parse + classify inside wasm | ${perSec(m("benchPerSec"))} |`);
console.log(`| benchReports(n, false): the full report inside wasm | ${perSec(m("reportPerSec"))} |`);
console.log(`| benchReports(n, true): the report and its record inside wasm | ${perSec(m("recordPerSec"))} |`);
console.log(`| lookup() from JS per number (full report object) | ${perSec(m("lookupPerSec"))} |`);
console.log(`| checker.check() from JS per number (full report object) | ${perSec(m("checkPerSec"))} |`);
console.log(`| the report object alone, built in JS from values at hand (the least a boundary can cost) | ${perSec(m("objectPerSec"))} |`);
