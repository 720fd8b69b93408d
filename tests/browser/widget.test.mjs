// End-to-end tests of <numrep-lookup> in headless Chromium: `make test-browser`
// (needs `make wasm` first; the make target does it). Screenshots of every state go to
// tests/artifacts/ (git-ignored). Only 127.0.0.1 is ever contacted.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { mkdirSync } from "node:fs";

import {
  ARTIFACTS,
  answered,
  fakeSource,
  fakeSourceConfig,
  input,
  launchChromium,
  openWidgetPage,
  resultText,
  risk,
  serveWww,
  shot,
  typeNumber as type,
  widgetPage,
} from "./support.mjs";

// Markup without `key=value` words: numrep-online scrubs those from what a service
// says (they could echo a credential); this must still reach the page as plain text.
const HOSTILE = `<img src onerror><b>bold</b>`;
const SLOW_MS = 900;

let www;
let complaints;
let slow;
let browser;

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  complaints = await fakeSource(() => ({ body: { score: 85, label: HOSTILE, complaints: 12 } }));
  slow = await fakeSource(() => ({ body: { score: 5, label: "Paketdienst", complaints: 1 }, delayMs: SLOW_MS }));
  const onlineConfig = {
    own_numbers: "../demo/own_numbers.csv",
    blocklist: "../demo/blocklist.csv",
    allowlist: "../demo/allowlist.json",
    deadline_ms: 3000,
    sources: [fakeSourceConfig(complaints.origin, "complaints"), { ...fakeSourceConfig(slow.origin, "slow-service"), timeout_ms: 2500 }],
  };
  www = await serveWww({
    "/__test/offline.html": widgetPage({ lang: "en" }),
    "/__test/online.html": widgetPage({ lang: "en", config: "/__test/online-config.json" }),
    "/__test/online-config.json": { type: "application/json", body: JSON.stringify(onlineConfig) },
  });
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  await Promise.all([www?.close(), complaints?.close(), slow?.close()]);
});

/** Opens `path` of the www server; fails the test on page errors or foreign requests. */
function open(t, path) {
  return openWidgetPage(t, browser, `${www.origin}${path}`);
}

describe("demo console (German, demo lists)", () => {
  test("premium number: high risk, spoofed caller ID, tariff and advice in words", async (t) => {
    const { page } = await open(t, "/");
    await type(page, "+49 900 5123456");
    assert.equal(await risk(page), "high");
    const text = await resultText(page);
    for (const expected of ["0900 5123456", "+499005123456", "Risiko: hoch", "Premium-Dienst", "1,99", "VERBOTEN", "Auf der Sperrliste", "Empfehlung", "nicht zurückrufen"]) {
      assert.ok(text.includes(expected), `${JSON.stringify(expected)} in:\n${text}`);
    }
    await shot(page, "premium-de");
  });

  test("Berlin landline: low risk, place, not one of ours", async (t) => {
    const { page } = await open(t, "/");
    await type(page, "030 1234567");
    assert.equal(await risk(page), "low");
    const text = await resultText(page);
    for (const expected of ["030 1234567", "Risiko: niedrig", "Festnetz", "Berlin", "möglich", "Gültigkeit", "gültig", "nicht in unserem Register"]) {
      assert.ok(text.includes(expected), `${JSON.stringify(expected)} in:\n${text}`);
    }
    await shot(page, "berlin-de");
  });

  test("own vendor number suggested by the page: vendor, campaign, vendor management", async (t) => {
    const { page } = await open(t, "/");
    await page.getByRole("button", { name: "040 5555 0200" }).click();
    await answered(page, "040 5555 0200");
    assert.equal(await risk(page), "low");
    const text = await resultText(page);
    for (const expected of ["Hamburg", "Callcenter Nord GmbH", "Kundenrückgewinnung", "vendor-management@example.com", "Vendor-Management"]) {
      assert.ok(text.includes(expected), `${JSON.stringify(expected)} in:\n${text}`);
    }
    await shot(page, "own-vendor-de");
  });

  test("Wangiri country: high risk, blocklisted, look-alike area code", async (t) => {
    const { page } = await open(t, "/");
    await type(page, "+216 20 123 456");
    assert.equal(await risk(page), "high");
    const text = await resultText(page);
    for (const expected of ["Tunesien", "Wangiri", "Auf der Sperrliste", "Viersen"]) {
      assert.ok(text.includes(expected), `${JSON.stringify(expected)} in:\n${text}`);
    }
    for (const code of ["unverified", "unverified_country", "too_short", "fixed_line"]) {
      assert.ok(!text.includes(code), `raw code ${code} shown to the agent:\n${text}`);
    }
    await shot(page, "wangiri-de");
  });

  test("pasted forms and bad input; risk attribute removed when there is no verdict", async (t) => {
    const { page } = await open(t, "/");
    await input(page).fill("+49 (0)30 1234567");
    await answered(page, "+49 (0)30 1234567");
    assert.ok((await resultText(page)).includes("Berlin"));
    await input(page).fill("tel:+49-40-5555-0200");
    await answered(page, "tel:+49-40-5555-0200");
    assert.ok((await resultText(page)).includes("Callcenter Nord GmbH"));

    await type(page, "030 12?4567");
    assert.equal(await risk(page), null);
    assert.ok((await resultText(page)).includes("Keine Rufnummer"));
    await shot(page, "invalid-de");

    // A display that showed no number: the agent is told so, not "Keine Rufnummer: …".
    await type(page, "Rufnummer unterdrückt");
    const withheld = await resultText(page);
    assert.ok(withheld.startsWith("Es wurde keine Rufnummer angezeigt"), withheld);
    assert.ok(!withheld.includes("Keine Rufnummer:"), withheld);
    await shot(page, "withheld-de");

    await input(page).fill("");
    await page.waitForFunction(() => document.querySelector("numrep-lookup").report === null);
    assert.equal(await risk(page), null);
    assert.ok((await resultText(page)).includes("Nummer eingeben"));
  });
});

describe("offline widget (no config, English)", () => {
  test("classifies without a config and loads only the offline module", async (t) => {
    const { page, requests } = await open(t, "/__test/offline.html");
    await type(page, "+49 900 5123456");
    assert.equal(await risk(page), "high");
    const text = await resultText(page);
    for (const expected of ["Risk: high", "FORBIDDEN", "Advice"]) {
      assert.ok(text.includes(expected), `${JSON.stringify(expected)} in:\n${text}`);
    }
    assert.ok(!text.includes("Online sources"), text);
    assert.ok(requests.some((url) => url.endsWith("/pkg/numrep_wasm_bg.wasm")), requests.join("\n"));
    assert.ok(!requests.some((url) => url.includes("/pkg/online/")), requests.join("\n"));
    await shot(page, "offline-premium-en");

    await page.locator("numrep-lookup").evaluate((el) => el.setAttribute("lang", "de"));
    await page.evaluate(() => document.querySelector("numrep-lookup").ready);
    await answered(page, "+49 900 5123456");
    await page.waitForFunction(() => document.querySelector("numrep-lookup").report.category_text === "Premium-Dienst");
    assert.ok((await resultText(page)).includes("Risiko: hoch"));
  });

  test("keyboard only: Tab to the input, type, Tab to Copy for ticket, Enter", async (t) => {
    const { page } = await open(t, "/__test/offline.html");
    const focused = () =>
      page.evaluate(() => {
        const host = document.activeElement;
        const inner = host?.shadowRoot?.activeElement;
        return inner ? { id: inner.id, outline: getComputedStyle(inner).outlineStyle } : { id: host?.localName };
      });
    await page.keyboard.press("Tab");
    const onInput = await focused();
    assert.equal(onInput.id, "number");
    assert.notEqual(onInput.outline, "none", "focus is visible");
    assert.equal(await page.getByRole("textbox", { name: "Phone number" }).count(), 1, "the input has a label");

    await page.keyboard.type("0900 5123456", { delay: 15 });
    await answered(page, "0900 5123456");
    assert.equal(await risk(page), "high");
    await page.keyboard.press("Tab");
    const onCopy = await focused();
    assert.equal(onCopy.id, "copy");
    assert.notEqual(onCopy.outline, "none", "focus is visible");
    await page.keyboard.press("Enter");
    await page.locator("numrep-lookup #copy-status", { hasText: "copied" }).waitFor();
    const clipboard = await page.evaluate(() => navigator.clipboard.readText());
    const ticket = await page.locator("numrep-lookup").evaluate((el) => el.ticketText());
    assert.equal(clipboard, ticket);
    assert.match(ticket, /Time: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    for (const expected of ["Number: +49 900 5123456 (+499005123456)", "Kind: ", "Verdict: Risk high (high)", "Reasons:", "- [Danger] ", "Sources: none asked (offline)", "Advice: "]) {
      assert.ok(ticket.includes(expected), `${JSON.stringify(expected)} in:\n${ticket}`);
    }
    assert.equal(await page.getByRole("status").first().getAttribute("id"), "result");
    await shot(page, "keyboard-copied-en");
  });
});

describe("online sources (fake services on 127.0.0.1)", () => {
  test("answers arrive one by one; hostile text stays text; verdict weighs the sources", async (t) => {
    const { page } = await open(t, "/__test/online.html");
    await page.evaluate(() => {
      window.__pwned = undefined;
    });
    await type(page, "030 1234567");
    // The fast source has answered while the slow one is still being asked.
    await page.locator("numrep-lookup #result li.source", { hasText: "complaints: answered" }).waitFor();
    const partial = await resultText(page);
    assert.ok(partial.includes("slow-service: asking"), partial);
    assert.ok(partial.includes(HOSTILE), `the label shows literally:\n${partial}`);
    await shot(page, "online-partial-en");

    await answered(page, "030 1234567", 2);
    const text = await resultText(page);
    assert.ok(text.includes(`complaints: answered · spam · 85/100 · ${HOSTILE} · 12 comments`), text);
    assert.ok(text.includes("slow-service: answered"), text);
    assert.ok(["medium", "high"].includes(await risk(page)), "a spam report raises the risk");
    assert.equal(await page.evaluate(() => window.__pwned), undefined, "no markup from a source ran");
    assert.equal(await page.locator("numrep-lookup img").count(), 0, "no element was made from a source's text");
    const ticket = await page.locator("numrep-lookup").evaluate((el) => el.ticketText());
    assert.ok(ticket.includes(`- complaints: answered · spam`), ticket);
    assert.ok(ticket.includes(HOSTILE), ticket);
    assert.ok(complaints.requests.includes("+49301234567"), complaints.requests.join(","));
    await shot(page, "online-hostile-en");
  });
});
