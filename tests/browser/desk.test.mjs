// The widget with the complaint desk, end to end: headless Chromium against a real
// `numrep serve` (temporary SQLite database, tokens from the environment, a low-threshold
// [[alerts]] config) that also serves the demo console, as `numrep serve --www www` does.
// `make test-browser` builds the binary and the wasm module first. Only 127.0.0.1 is
// ever contacted.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

import { startDesk, toml } from "./desk.mjs";
import {
  ARTIFACTS,
  WWW,
  answered,
  input,
  launchChromium,
  listen,
  openWidgetPage,
  resultText,
  risk,
  serveWww,
  shot,
  typeNumber,
  widgetPage,
} from "./support.mjs";

const AGENT_TOKEN = "agent-token-for-the-browser-test-0123";
const WRONG_TOKEN = "wrong-token-for-the-browser-test-0123";
const VENDOR = "Callcenter Nord GmbH";
const HOSTILE = `<img src onerror="window.__pwned = 1"><b>bold</b>`;
/** What Chromium logs for a request the desk refused or could not answer (provoked here). */
const REFUSED = /Failed to load resource: the server responded with a status of 40[13]/;
const UNREACHABLE = /Failed to load resource: net::ERR_CONNECTION_REFUSED/;
const FAILED = /Failed to load resource: the server responded with a status of 503/;

let www;
let desk;
let failing;
let browser;

/**
 * The desk's config: the demo's own numbers (so desk and widget agree on the vendor),
 * the static server as the one CORS origin, one agent token, and two low thresholds:
 * a number alert at 2 complaints and a vendor alert at 3 complaints from 2 customers.
 */
function deskConfig(consoleOrigin) {
  return `own_numbers = ${toml(join(WWW, "demo", "own_numbers.csv"))}

[server]
cors_origins = [${toml(consoleOrigin)}]

[[server.tokens]]
name = "agent console"
role = "agent"
token_env = "NUMREP_TEST_AGENT_TOKEN"

[[alerts]]
group_by = "number"
window = "48h"
min_complaints = 2

[[alerts]]
group_by = "vendor"
window = "48h"
min_complaints = 3
min_customers = 2
`;
}

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  www = await serveWww({ "/__test/widget.html": widgetPage({ lang: "en" }) });
  desk = await startDesk(deskConfig(www.origin), {
    NUMREP_DESK_SECRET: "browser-test-secret-0123456789abcdef",
    NUMREP_TEST_AGENT_TOKEN: AGENT_TOKEN,
  });
  // A desk whose database is busy: 503 with the API's error shape, CORS for the console.
  failing = await listen((req, res) => {
    const cors = {
      "access-control-allow-origin": www.origin,
      "access-control-allow-headers": "authorization, content-type, idempotency-key",
      "access-control-allow-methods": "GET, POST",
    };
    if (req.method === "OPTIONS") return res.writeHead(204, cors).end();
    res.writeHead(503, { ...cors, "content-type": "application/json", "retry-after": "1" });
    res.end(JSON.stringify({ error: { code: "busy", message: "the database is busy" } }));
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all([www?.close(), failing?.close(), desk?.stop()]);
});

/** The desk's answer for `path`, asked directly (to cross-check what the widget shows). */
async function api(path) {
  const response = await fetch(`${desk.origin}${path}`, { headers: { authorization: `Bearer ${AGENT_TOKEN}` } });
  assert.equal(response.status, 200, path);
  return response.json();
}

const widget = (page) => page.locator("numrep-lookup");
const part = (page, id) => page.locator(`numrep-lookup #${id}`);

/** Connects the demo console to the desk that serves it, with `token`. */
async function connect(page, token) {
  assert.equal(await page.locator("#desk-url").inputValue(), desk.origin, "the console offers its own server");
  await page.locator("#desk-token").fill(token);
  await page.getByRole("button", { name: "Verbinden" }).click();
}

/** Sets the widget's desk and token as a console page does (the token as a property). */
function pointAtDesk(page, url, token = "") {
  return widget(page).evaluate(
    (el, [deskUrl, deskToken]) => {
      el.deskToken = deskToken;
      el.desk = deskUrl;
    },
    [url, token],
  );
}

/** Waits until the desk's counts for the shown number are `total`. */
function deskShows(page, total) {
  return page.waitForFunction((n) => document.querySelector("numrep-lookup").deskView?.complaints.total === n, total);
}

/** Waits until the desk part shows a failure note containing `text`. */
function deskNote(page, text) {
  return page.locator("numrep-lookup #result .desk-note.error", { hasText: text }).waitFor();
}

/** Fills and sends the complaint form; resolves to the status line it ends with. */
async function recordComplaint(page, { category, company = "", note = "", customer = "" }, { submitWithEnter = false } = {}) {
  const details = part(page, "complaint");
  if (!(await details.evaluate((node) => node.open))) await part(page, "complaint-summary").click();
  await part(page, "complaint-category").selectOption({ label: category });
  await part(page, "complaint-company").fill(company);
  await part(page, "complaint-note").fill(note);
  await part(page, "complaint-customer").fill(customer);
  const before = await widget(page).evaluate((el) => el.deskView?.complaints.total ?? -1);
  if (submitWithEnter) await part(page, "complaint-customer").press("Enter");
  else await part(page, "complaint-submit").click();
  await page.waitForFunction(() => {
    const status = document.querySelector("numrep-lookup").shadowRoot.getElementById("complaint-status").textContent;
    return /erfasst|recorded|HTTP|nicht|not /.test(status);
  });
  // The widget asks the desk again after a recorded complaint.
  await page.waitForFunction((n) => {
    const el = document.querySelector("numrep-lookup");
    const status = el.shadowRoot.getElementById("complaint-status");
    return status.classList.contains("error") || (el.deskView?.complaints.total ?? -1) > n;
  }, before);
  return part(page, "complaint-status").innerText();
}

describe("agent console served by numrep serve", () => {
  test("counts for number, range and vendor; complaints recorded through the form until the alert banner shows", async (t) => {
    const { page } = await openWidgetPage(t, browser, `${desk.origin}/`);
    await page.evaluate(() => (window.__pwned = undefined));
    await connect(page, AGENT_TOKEN);
    await page.getByRole("button", { name: "040 5555 0200" }).click();
    await answered(page, "040 5555 0200");
    await deskShows(page, 0);
    let text = await resultText(page);
    for (const expected of [
      "Beschwerden (Beschwerdestelle)",
      "Diese Nummer\nkeine Beschwerden",
      "Bereich +4940555502xx\nkeine Beschwerden",
      `Dienstleister ${VENDOR}\nkeine Beschwerden`,
      // The offline verdict is all there.
      "Hamburg",
      "Kundenrückgewinnung",
      "Vendor-Management",
    ]) {
      assert.ok(text.includes(expected), `${JSON.stringify(expected)} in:\n${text}`);
    }
    assert.equal(await page.locator("numrep-lookup .alarm").count(), 0);
    // The form offers the desk's categories, in the widget's order and words.
    const options = await part(page, "complaint-category").locator("option").allTextContents();
    assert.deepEqual(options, [
      "– bitte wählen –",
      "Gab sich als wir / Partner aus",
      "Werbeanruf",
      "Erotik / Sex-Hotline",
      "Lockanruf (Ping-Anruf)",
      "Betrug",
      "Inkasso",
      "Umfrage",
      "Sonstiges",
    ]);

    let status = await recordComplaint(page, { category: "Erotik / Sex-Hotline", company: "Telekom", note: HOSTILE, customer: "K-1" });
    assert.equal(status, "Beschwerde zu +494055550200 erfasst. Jetzt: 1 Beschwerde von 1 Kunden · 1 in 24 h · 1 in 48 h · 1 in 7 Tagen.");
    assert.equal(await page.locator("numrep-lookup .alarm").count(), 0, "one complaint raises no alert");

    // The second complaint reaches the number rule (2 in 48 h).
    status = await recordComplaint(page, { category: "Werbeanruf", company: "Telekom", customer: "K-2" });
    assert.ok(status.includes("Neuer Alarm: 2 Beschwerden in 48 h von 2 Kunden — Alarm: Rufnummer +494055550200"), status);
    await shot(page, "desk-number-alert-de");

    // The third, from a customer who complained before, by keyboard (Enter in the form):
    // 3 complaints from 2 customers reach the vendor rule.
    status = await recordComplaint(page, { category: "Werbeanruf", customer: "K-2" }, { submitWithEnter: true });
    const vendorAlert = `3 Beschwerden in 48 h von 2 Kunden — Alarm: Dienstleister ${VENDOR}`;
    assert.equal(status, `Beschwerde zu +494055550200 erfasst. Jetzt: 3 Beschwerden von 2 Kunden · 3 in 24 h · 3 in 48 h · 3 in 7 Tagen.\nNeuer Alarm: ${vendorAlert}`);

    // The banner shows every active alert, newest first; the counts are the desk's.
    const banner = await page.locator("numrep-lookup .alarm").innerText();
    assert.equal(banner, `⚠ ${vendorAlert}\n⚠ 3 Beschwerden in 48 h von 2 Kunden — Alarm: Rufnummer +494055550200`);
    text = await resultText(page);
    const counts = "3 Beschwerden von 2 Kunden · 3 in 24 h · 3 in 48 h · 3 in 7 Tagen";
    for (const expected of [
      `Diese Nummer\n${counts}`,
      `Bereich +4940555502xx\n${counts}`,
      `Dienstleister ${VENDOR}\n${counts}`,
      "Beschwerdegründe\nWerbeanruf 2, Erotik / Sex-Hotline 1",
      "Letzte Beschwerde\n",
      "Risiko: niedrig",
    ]) {
      assert.ok(text.includes(expected), `${JSON.stringify(expected)} in:\n${text}`);
    }
    const { alerts } = await api("/api/v1/alerts");
    assert.deepEqual(
      alerts.map((a) => [a.group_by, a.key, a.count, a.customers]),
      [
        ["vendor", VENDOR, 3, 2],
        ["number", "+494055550200", 3, 2],
      ],
    );
    const ticket = await widget(page).evaluate((el) => el.ticketText());
    assert.ok(ticket.includes(`Beschwerden (Beschwerdestelle):\n- Diese Nummer: ${counts}`), ticket);
    assert.ok(ticket.includes(`- ${vendorAlert}`), ticket);
    // The note went to the desk as text and nothing of it ran here.
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.locator("numrep-lookup img").count(), 0);
    // The form is empty again for the next complaint.
    assert.equal(await part(page, "complaint-category").inputValue(), "");
    assert.equal(await part(page, "complaint-customer").inputValue(), "");
    await shot(page, "desk-vendor-alert-de");
  });

  test("a post whose answer was lost is sent again with the same key and counted once", async (t) => {
    const { page } = await openWidgetPage(t, browser, `${desk.origin}/`, { allowConsole: [/ERR_CONNECTION_RESET|ERR_FAILED/] });
    await connect(page, AGENT_TOKEN);
    await typeNumber(page, "030 1234567");
    await deskShows(page, 0);
    const keys = [];
    // The first post reaches the desk, which stores it; its answer never arrives.
    await page.route(`${desk.origin}/api/v1/complaints`, async (route) => {
      keys.push(route.request().headers()["idempotency-key"]);
      if (keys.length === 1) {
        const stored = await route.fetch();
        assert.equal(stored.status(), 201);
        return route.abort("connectionreset");
      }
      return route.fallback();
    });
    const lost = await recordComplaint(page, { category: "Umfrage", customer: "K-9" });
    assert.ok(lost.includes("Beschwerdestelle nicht erreichbar"), lost);
    const again = await recordComplaint(page, { category: "Umfrage", customer: "K-9" });
    assert.ok(again.startsWith("Beschwerde zu +49301234567 erfasst. Jetzt: 1 Beschwerde von 1 Kunden"), again);
    assert.equal(keys.length, 2);
    assert.match(keys[0], /^[0-9a-f]{32}$/);
    assert.equal(keys[1], keys[0], "the retry carries the first post's Idempotency-Key");
    assert.equal((await api("/api/v1/numbers/%2B49301234567")).complaints.total, 1);
  });

  test("wrong token: the verdict stands, the refusal is a clear note; the right token recovers", async (t) => {
    const { page } = await openWidgetPage(t, browser, `${desk.origin}/`, { allowConsole: [REFUSED] });
    await connect(page, WRONG_TOKEN);
    await typeNumber(page, "+49 900 5123456");
    await deskNote(page, "HTTP 401");
    assert.equal(await risk(page), "high");
    const text = await resultText(page);
    for (const expected of ["Risiko: hoch", "VERBOTEN", "Beschwerdestelle: Zugangs-Token fehlt oder ist falsch (HTTP 401)", "die Prüfung oben gilt weiter"]) {
      assert.ok(text.includes(expected), `${JSON.stringify(expected)} in:\n${text}`);
    }
    assert.ok(!text.includes(WRONG_TOKEN), "the token is never shown");
    assert.equal(await part(page, "complaint-submit").isDisabled(), true, "nothing to record into without the desk");
    await shot(page, "desk-wrong-token-de");

    await connect(page, AGENT_TOKEN);
    await deskShows(page, 0);
    assert.equal(await part(page, "complaint-submit").isDisabled(), false);

    // The token goes stale after the lookup: the post is refused, nothing else changes.
    await widget(page).evaluate((el, token) => (el.deskToken = token), WRONG_TOKEN);
    const status = await recordComplaint(page, { category: "Betrug" });
    assert.ok(status.includes("Zugangs-Token fehlt oder ist falsch (HTTP 401)"), status);
    assert.equal(await risk(page), "high");
    assert.equal((await api("/api/v1/numbers/%2B499005123456")).complaints.total, 0, "nothing was stored");
  });

  test("without a desk the console works offline as before and never asks it", async (t) => {
    const { page, requests } = await openWidgetPage(t, browser, `${desk.origin}/`);
    await typeNumber(page, "040 5555 0200");
    assert.equal(await risk(page), "low");
    const text = await resultText(page);
    assert.ok(text.includes(VENDOR), text);
    assert.ok(!text.includes("Beschwerden"), text);
    assert.equal(await part(page, "complaint").isHidden(), true);
    assert.deepEqual(requests.filter((url) => url.includes("/api/")), []);
    // Connected, then disconnected ("Trennen"): offline again.
    await connect(page, AGENT_TOKEN);
    await page.waitForFunction(() => document.querySelector("numrep-lookup").deskView !== null);
    await page.getByRole("button", { name: "Trennen" }).click();
    await page.waitForFunction(() => document.querySelector("numrep-lookup").deskView === null);
    assert.ok(!(await resultText(page)).includes("Beschwerden"));
    assert.equal(await part(page, "complaint").isHidden(), true);
  });
});

describe("console on another origin (CORS), English", () => {
  test("counts, a recorded complaint and the alert banner across origins", async (t) => {
    const { page } = await openWidgetPage(t, browser, `${www.origin}/__test/widget.html`);
    await pointAtDesk(page, desk.origin, AGENT_TOKEN);
    await typeNumber(page, "+49 30 9876543");
    await deskShows(page, 0);
    assert.ok((await resultText(page)).includes("This number\nno complaints"));
    let status = await recordComplaint(page, { category: "Cold call" });
    assert.equal(status, "Complaint about +49309876543 recorded. Now: 1 complaint · 1 in 24 h · 1 in 48 h · 1 in 7 days.");
    status = await recordComplaint(page, { category: "Fraud", company: "Your bank" });
    assert.ok(status.endsWith("New alert: 2 complaints in 48 h — Alert: number +49309876543"), status);
    const banner = await page.locator("numrep-lookup .alarm").innerText();
    assert.equal(banner, "⚠ 2 complaints in 48 h — Alert: number +49309876543");
    assert.ok((await resultText(page)).includes("Range +493098765xx\n2 complaints · 2 in 24 h · 2 in 48 h · 2 in 7 days"));
    await shot(page, "desk-cors-alert-en");
  });

  test("a desk that is down or failing gives a note; the verdict is untouched", async (t) => {
    const { page } = await openWidgetPage(t, browser, `${www.origin}/__test/widget.html`, { allowConsole: [UNREACHABLE, FAILED] });
    const closed = await listen(() => {});
    const closedOrigin = closed.origin;
    await closed.close();
    await pointAtDesk(page, closedOrigin);
    await typeNumber(page, "+49 900 5123456");
    await deskNote(page, "not reachable");
    assert.equal(await risk(page), "high");
    let text = await resultText(page);
    assert.ok(text.includes("Complaint desk not reachable: counts and recording are unavailable; the check above is unaffected."), text);
    assert.ok(text.includes("Risk: high") && text.includes("FORBIDDEN"), text);

    await pointAtDesk(page, failing.origin);
    await deskNote(page, "HTTP 503");
    text = await resultText(page);
    assert.ok(text.includes("Complaint desk failed (HTTP 503, busy): the database is busy. Try again later; the check above is unaffected."), text);
    assert.equal(await risk(page), "high");
    await shot(page, "desk-failing-en");
  });

  test("the form works by keyboard alone", async (t) => {
    const { page } = await openWidgetPage(t, browser, `${www.origin}/__test/widget.html`);
    await pointAtDesk(page, desk.origin, AGENT_TOKEN);
    await page.keyboard.press("Tab");
    await page.keyboard.type("+49 30 5550199", { delay: 10 });
    await answered(page, "+49 30 5550199");
    await deskShows(page, 0);
    const focused = () => page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.id);
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "complaint-summary");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "complaint-category");
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "complaint-company");
    // The category is required: Enter without one records nothing and goes to it.
    await page.keyboard.press("Enter");
    assert.equal(await focused(), "complaint-category");
    assert.equal(await part(page, "complaint-status").innerText(), "");
    await page.keyboard.press("ArrowDown"); // the first category
    await page.keyboard.press("Tab");
    await page.keyboard.type("ACME", { delay: 5 });
    await page.keyboard.press("Enter");
    await part(page, "complaint-status").filter({ hasText: "recorded" }).waitFor();
    assert.ok((await part(page, "complaint-status").innerText()).startsWith("Complaint about +49305550199 recorded. Now: 1 complaint"));
    assert.equal((await api("/api/v1/numbers/%2B49305550199")).complaints.by_category.impersonation, 1);
    assert.equal(await input(page).inputValue(), "+49 30 5550199");
  });
});
