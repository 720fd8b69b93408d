// Shared by the widget tests and the benchmark: a static server for www/ on 127.0.0.1,
// a fake reputation source on 127.0.0.1, and headless Chromium from /usr/bin/chromium.
// Nothing here contacts any address other than 127.0.0.1.

import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = dirname(fileURLToPath(import.meta.url));
export const WWW = join(here, "..", "..", "www");
export const ARTIFACTS = join(here, "..", "artifacts");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".csv": "text/csv; charset=utf-8",
  ".wasm": "application/wasm",
  ".ts": "text/plain; charset=utf-8",
  ".png": "image/png",
};

/** Listens on 127.0.0.1 with an ephemeral port; resolves to `{ server, origin, close }`. */
export function listen(handler) {
  const server = createServer(handler);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      resolve({
        server,
        origin: `http://127.0.0.1:${port}`,
        close: () => new Promise((done) => server.close(done)),
      });
    });
  });
}

/**
 * Serves `www/`, plus `pages`: extra virtual files (path → `{ type, body }`) for test pages
 * and configs. Paths outside `www/` are refused.
 */
export function serveWww(pages = {}) {
  return listen(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://127.0.0.1").pathname);
    const page = pages[path];
    if (page) {
      res.writeHead(200, { "content-type": page.type, "cache-control": "no-store" });
      res.end(page.body);
      return;
    }
    const file = normalize(join(WWW, path.endsWith("/") ? `${path}index.html` : path));
    if (!file.startsWith(WWW + sep)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        "cache-control": "no-store",
      });
      res.end(body);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found");
    }
  });
}

/**
 * A fake in-house complaint service answering like an `http_json` source:
 * `GET /numbers/<e164>` → the JSON of `answer(e164).body` (e.g. `{ "score": …, "label": …,
 * "complaints": … }`), after `answer(e164).delayMs` (default 0). Answers CORS preflights,
 * since the page is served from another port. `requests` records every number asked.
 */
export async function fakeSource(answer) {
  const requests = [];
  const cors = {
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "*",
    "access-control-allow-methods": "GET, OPTIONS",
  };
  const handle = await listen((req, res) => {
    if (req.method === "OPTIONS") {
      res.writeHead(204, cors).end();
      return;
    }
    const match = /^\/numbers\/([^/?]+)/.exec(req.url);
    if (!match) {
      res.writeHead(404, cors).end();
      return;
    }
    const e164 = decodeURIComponent(match[1]);
    requests.push(e164);
    const { body, delayMs = 0 } = answer(e164);
    setTimeout(() => {
      res.writeHead(200, { ...cors, "content-type": "application/json" });
      res.end(JSON.stringify(body));
    }, delayMs);
  });
  return { ...handle, requests };
}

/** The `sources` entry for a `fakeSource` at `origin`. */
export function fakeSourceConfig(origin, name = "complaints") {
  return {
    name,
    kind: "http_json",
    url: `${origin}/numbers/{e164}`,
    timeout_ms: 1000,
    mapping: {
      score_pointer: "/score",
      label_pointer: "/label",
      comments_pointer: "/complaints",
      score_min: 0,
      score_max: 100,
      spam_at: 70,
      suspicious_at: 40,
    },
  };
}

/** A minimal test page embedding the widget with the given attributes. */
export function widgetPage(attributes = {}) {
  const attrs = Object.entries(attributes)
    .map(([k, v]) => ` ${k}="${String(v).replace(/&/g, "&amp;").replace(/"/g, "&quot;")}"`)
    .join("");
  return {
    type: "text/html; charset=utf-8",
    body:
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>numrep test</title>` +
      `<script type="module" src="/numrep-lookup.js"></script></head>` +
      `<body><numrep-lookup${attrs}></numrep-lookup></body></html>`,
  };
}

/**
 * Launches the system Chromium headless (never downloads a browser). Playwright gives
 * every launch a fresh temporary profile (`--user-data-dir`) and removes it on close.
 */
export function launchChromium() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

/**
 * Makes every request of `context` outside 127.0.0.1 fail and records it in the
 * returned array (which a test asserts stays empty).
 */
export async function loopbackOnly(context) {
  const foreign = [];
  await context.route("**/*", (route) => {
    const url = new URL(route.request().url());
    if (url.protocol === "data:" || url.protocol === "blob:" || url.hostname === "127.0.0.1") {
      return route.fallback();
    }
    foreign.push(url.href);
    return route.abort("blockedbyclient");
  });
  return foreign;
}

/**
 * Opens `url` in a fresh context of `browser`; after the test `t`, fails it on page
 * errors, on console errors not matching one of `allowConsole` (regular expressions,
 * e.g. the "Failed to load resource" line of a refused request a test provokes) and on
 * any request outside 127.0.0.1. Resolves once the widget is loaded.
 */
export async function openWidgetPage(t, browser, url, { allowConsole = [] } = {}) {
  const context = await browser.newContext({
    permissions: ["clipboard-read", "clipboard-write"],
    viewport: { width: 1280, height: 900 },
  });
  const foreign = await loopbackOnly(context);
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !allowConsole.some((pattern) => pattern.test(message.text()))) {
      problems.push(`console error: ${message.text()}`);
    }
  });
  page.on("request", (request) => requests.push(request.url()));
  t.after(async () => {
    await context.close();
    assert.deepEqual(foreign, [], "only 127.0.0.1 may be contacted");
    assert.deepEqual(problems, [], "no errors in the page");
  });
  await page.goto(url);
  await page.evaluate(async () => {
    await customElements.whenDefined("numrep-lookup");
    await document.querySelector("numrep-lookup").ready;
  });
  return { page, requests };
}

export const input = (page) => page.locator("numrep-lookup #number");
export const resultText = (page) => page.locator("numrep-lookup #result").innerText();
export const risk = (page) => page.locator("numrep-lookup").getAttribute("risk");

/** Waits until the widget shows the report for `text` (and, if asked, `sources` answers). */
export function answered(page, text, sources = 0) {
  return page.waitForFunction(
    ([expected, count]) => {
      const report = document.querySelector("numrep-lookup").report;
      return report && report.input === expected && report.sources.length >= count;
    },
    [text, sources],
  );
}

/** Clears the input and types `text` key by key, as an agent would. */
export async function typeNumber(page, text, sources = 0) {
  await input(page).fill("");
  await input(page).pressSequentially(text, { delay: 15 });
  await answered(page, text, sources);
}

/** A full-page screenshot in tests/artifacts/. */
export function shot(page, name) {
  return page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
}
