// <numrep-lookup>: the numrep number check for hotline agent consoles.
//
// Embed with one module script and one tag:
//
//   <script type="module" src="numrep-lookup.js"></script>
//   <numrep-lookup region="DE" lang="de" config="numrep/config.json"></numrep-lookup>
//
// Attributes (and properties of the same name):
//   region  ISO 3166 code for numbers written in national form (default DE)
//   lang    "de" or "en" (default: the page's language if German, else English)
//   config  URL of a JSON config: { "own_numbers": "lists/own.csv", "blocklist": "…",
//           "allowlist": "…", "sources": [...], "deadline_ms": … }; list paths are
//           relative to the config's URL. Without it the widget classifies offline.
//   desk    URL of the complaint desk (`numrep serve`), e.g. "http://127.0.0.1:8080", or
//           "/" when the desk serves this page. With it, each lookup also shows the
//           complaint counts for the number, its range and its vendor, an alert banner
//           while an alert is active, and a "Record complaint" form. Without it the
//           widget works offline exactly as before. A desk that fails (401/403/4xx/5xx,
//           unreachable) gives a note; the offline verdict stays as it is.
// Property only (never an attribute, never in the config file):
//   deskToken  the bearer token the desk wants (`[[server.tokens]]`, role agent). The
//           console page sets it from its own login/session; it is sent only to `desk`.
// Set by the widget:
//   risk    "low" | "medium" | "high" after each check; removed for empty or bad input
// Properties and methods: `value` (the input text; setting it checks), `report` (the
// last NumrepReport), `ticketText()` (the plain-text summary "Copy for ticket" copies),
// `ready` (a promise that settles when the module, lists and sources are loaded).
// Events: `numrep-result` (detail: the NumrepReport) after each completed check;
// `numrep-complaint` (detail: the desk's answer {id, e164, stats, alerts, replayed})
// after the form recorded a complaint.
//
// Everything that comes from outside (lists, sources, the desk, the input) is put on the
// page as text (textContent), never parsed as HTML.

import { el, localTime, row } from "./numrep-dom.js";
import { DeskClient, DeskError, newIdempotencyKey } from "./numrep-desk.js";
import { alertText, categoryChoices, countsText, deskErrorText, renderBanner, renderCounts, ticketLines } from "./numrep-desk-view.js";

const MODULES = {
  offline: new URL("./pkg/", import.meta.url),
  online: new URL("./pkg/online/", import.meta.url),
};
const loadedModules = new Map();

/**
 * Imports and instantiates one build of the wasm module, once per page. The `.wasm`
 * download starts together with the JS glue's import, not after it.
 */
function loadModule(kind) {
  if (!loadedModules.has(kind)) {
    const wasm = fetch(new URL("numrep_wasm_bg.wasm", MODULES[kind]));
    loadedModules.set(
      kind,
      import(new URL("numrep_wasm.js", MODULES[kind]).href).then(async (module) => {
        await module.default({ module_or_path: wasm });
        return module;
      }),
    );
  }
  return loadedModules.get(kind);
}

const TYPING_DELAY_MS = 40;
/** The pause in typing before the network (sources, desk) is asked. */
const ONLINE_DELAY_MS = 350;

const STRINGS = {
  en: {
    label: "Phone number",
    hint: "Paste or type a number, e.g. +49 (0)30 123456 or a tel: link.",
    placeholder: "+49 30 1234567",
    empty: "Enter a number to check it.",
    loading: "Loading the number tables …",
    invalid: "Not a phone number",
    ownVendor: (o) => `Yes, our vendor ${o.vendor}` + (o.campaign ? `, campaign “${o.campaign}”` : ""),
    contact: "Contact",
    blocked: "Blocklisted",
    allowed: "Allowlisted",
    asking: "asking …",
    verdict: {
      spam: "spam",
      suspicious: "suspicious",
      neutral: "neutral",
      legitimate: "legitimate",
      unknown: "nothing known",
    },
    comments: (n) => `${n} comments`,
    votes: (n) => `${n} votes`,
    copy: "Copy for ticket",
    copied: "Summary copied to the clipboard.",
    copyFailed: "Copying failed: select the summary below and copy it.",
    nothingToCopy: "Check a number first.",
    listProblems: (n) => `${n} list row(s) ignored`,
    configFailed: "Configuration could not be loaded; checking offline only.",
    ticket: {
      title: "numrep number check",
      time: "Time",
      input: "Input",
      number: "Number",
      verdict: "Verdict",
      none: "none",
      offline: "none asked (offline)",
      data: "Data",
    },
    desk: {
      heading: "Complaints (desk)",
      asking: "asking the complaint desk …",
      none: "no complaints",
      thisNumber: "This number",
      range: (key) => `Range ${key}`,
      vendor: (key) => `Vendor ${key}`,
      counts: (s) =>
        [
          `${s.total} ${s.total === 1 ? "complaint" : "complaints"}` +
            (s.distinct_customers ? ` from ${s.distinct_customers} ${s.distinct_customers === 1 ? "customer" : "customers"}` : ""),
          `${s.last_24h} in 24 h`,
          `${s.last_48h} in 48 h`,
          `${s.last_7d} in 7 days`,
        ].join(" · "),
      categoriesLabel: "Complained about",
      latest: "Latest complaint",
      alert: ({ count, customers, window, subject }) =>
        `${count} ${count === 1 ? "complaint" : "complaints"} in ${window}` +
        (customers ? ` from ${customers} ${customers === 1 ? "customer" : "customers"}` : "") +
        ` — Alert: ${subject}`,
      subject: { number: (k) => `number ${k}`, range: (k) => `range ${k}`, vendor: (k) => `vendor ${k}` },
      surprise: "far above its usual level",
      window: { d: (n) => `${n} ${n === 1 ? "day" : "days"}`, h: (n) => `${n} h`, m: (n) => `${n} min`, s: (n) => `${n} s` },
      errors: {
        unauthorized: (e) => `Complaint desk: access token missing or wrong (${e.status ? `HTTP ${e.status}` : e.message}). Counts and recording are unavailable; the check above is unaffected.`,
        forbidden: (e) => `Complaint desk: this access token may not do that (HTTP ${e.status}).`,
        rejected: (e) => `Complaint desk rejected the request (HTTP ${e.status}${e.code ? `, ${e.code}` : ""}): ${e.message}`,
        server: (e) => `Complaint desk failed (HTTP ${e.status}${e.code ? `, ${e.code}` : ""}): ${e.message}. Try again later; the check above is unaffected.`,
        unreachable: () => "Complaint desk not reachable: counts and recording are unavailable; the check above is unaffected.",
        timeout: () => "Complaint desk did not answer in time; the check above is unaffected.",
        bad_answer: (e) => `Complaint desk sent an answer this widget cannot read (${e.message}).`,
      },
      form: {
        summary: "Record complaint",
        category: "Category",
        choose: "– choose –",
        company: "Company the caller claimed to be",
        note: "Note",
        customer: "Customer reference (optional)",
        customerHint: "Counts distinct customers; the desk stores only a keyed hash of it.",
        submit: "Record complaint",
        saving: "Recording …",
        recorded: (e164, counts) => `Complaint about ${e164} recorded. Now: ${counts}.`,
        newAlert: (text) => `New alert: ${text}`,
      },
      categories: {
        impersonation: "Claimed to be us or a partner",
        cold_call: "Cold call",
        adult: "Adult / sex line",
        ping_call: "Ping call (one ring)",
        fraud: "Fraud",
        debt_collection: "Debt collection",
        survey: "Survey",
        other: "Other",
      },
    },
  },
  de: {
    label: "Rufnummer",
    hint: "Nummer einfügen oder tippen, z. B. +49 (0)30 123456 oder einen tel:-Link.",
    placeholder: "030 1234567",
    empty: "Nummer eingeben, um sie zu prüfen.",
    loading: "Rufnummerntabellen werden geladen …",
    invalid: "Keine Rufnummer",
    ownVendor: (o) => `Ja, unser Dienstleister ${o.vendor}` + (o.campaign ? `, Kampagne „${o.campaign}“` : ""),
    contact: "Kontakt",
    blocked: "Auf der Sperrliste",
    allowed: "Auf der Freigabeliste",
    asking: "wird abgefragt …",
    verdict: {
      spam: "Spam",
      suspicious: "verdächtig",
      neutral: "neutral",
      legitimate: "seriös",
      unknown: "nichts bekannt",
    },
    comments: (n) => `${n} Kommentare`,
    votes: (n) => `${n} Stimmen`,
    copy: "Für Ticket kopieren",
    copied: "Zusammenfassung in die Zwischenablage kopiert.",
    copyFailed: "Kopieren fehlgeschlagen: Zusammenfassung unten markieren und kopieren.",
    nothingToCopy: "Bitte zuerst eine Nummer prüfen.",
    listProblems: (n) => `${n} Listenzeile(n) ignoriert`,
    configFailed: "Konfiguration nicht ladbar; Prüfung nur offline.",
    ticket: {
      title: "numrep Rufnummernprüfung",
      time: "Zeit",
      input: "Eingabe",
      number: "Nummer",
      verdict: "Bewertung",
      none: "keine",
      offline: "keine abgefragt (offline)",
      data: "Daten",
    },
    desk: {
      heading: "Beschwerden (Beschwerdestelle)",
      asking: "Beschwerdestelle wird abgefragt …",
      none: "keine Beschwerden",
      thisNumber: "Diese Nummer",
      range: (key) => `Bereich ${key}`,
      vendor: (key) => `Dienstleister ${key}`,
      counts: (s) =>
        [
          `${s.total} ${s.total === 1 ? "Beschwerde" : "Beschwerden"}` + (s.distinct_customers ? ` von ${s.distinct_customers} Kunden` : ""),
          `${s.last_24h} in 24 h`,
          `${s.last_48h} in 48 h`,
          `${s.last_7d} in 7 Tagen`,
        ].join(" · "),
      categoriesLabel: "Beschwerdegründe",
      latest: "Letzte Beschwerde",
      alert: ({ count, customers, window, subject }) =>
        `${count} ${count === 1 ? "Beschwerde" : "Beschwerden"} in ${window}` + (customers ? ` von ${customers} Kunden` : "") + ` — Alarm: ${subject}`,
      subject: { number: (k) => `Rufnummer ${k}`, range: (k) => `Rufnummernbereich ${k}`, vendor: (k) => `Dienstleister ${k}` },
      surprise: "weit über dem Üblichen",
      window: { d: (n) => (n === 1 ? "1 Tag" : `${n} Tagen`), h: (n) => `${n} h`, m: (n) => `${n} min`, s: (n) => `${n} s` },
      errors: {
        unauthorized: (e) => `Beschwerdestelle: Zugangs-Token fehlt oder ist falsch (${e.status ? `HTTP ${e.status}` : e.message}). Zahlen und Erfassung nicht verfügbar; die Prüfung oben gilt weiter.`,
        forbidden: (e) => `Beschwerdestelle: Dieser Zugangs-Token darf das nicht (HTTP ${e.status}).`,
        rejected: (e) => `Beschwerdestelle hat die Anfrage abgelehnt (HTTP ${e.status}${e.code ? `, ${e.code}` : ""}): ${e.message}`,
        server: (e) => `Beschwerdestelle gestört (HTTP ${e.status}${e.code ? `, ${e.code}` : ""}): ${e.message}. Später erneut versuchen; die Prüfung oben gilt weiter.`,
        unreachable: () => "Beschwerdestelle nicht erreichbar: Zahlen und Erfassung nicht verfügbar; die Prüfung oben gilt weiter.",
        timeout: () => "Beschwerdestelle antwortet nicht rechtzeitig; die Prüfung oben gilt weiter.",
        bad_answer: (e) => `Beschwerdestelle: Antwort nicht lesbar (${e.message}).`,
      },
      form: {
        summary: "Beschwerde erfassen",
        category: "Kategorie",
        choose: "– bitte wählen –",
        company: "Angeblich anrufende Firma",
        note: "Notiz",
        customer: "Kundennummer (optional)",
        customerHint: "Zählt verschiedene Kunden; die Beschwerdestelle speichert davon nur einen Prüfwert (HMAC).",
        submit: "Beschwerde erfassen",
        saving: "Wird gespeichert …",
        recorded: (e164, counts) => `Beschwerde zu ${e164} erfasst. Jetzt: ${counts}.`,
        newAlert: (text) => `Neuer Alarm: ${text}`,
      },
      categories: {
        impersonation: "Gab sich als wir / Partner aus",
        cold_call: "Werbeanruf",
        adult: "Erotik / Sex-Hotline",
        ping_call: "Lockanruf (Ping-Anruf)",
        fraud: "Betrug",
        debt_collection: "Inkasso",
        survey: "Umfrage",
        other: "Sonstiges",
      },
    },
  },
};

const RISK_SYMBOL = { low: "●", medium: "▲", high: "■" };

const STYLE = `
:host { display: block; font: 15px/1.4 system-ui, sans-serif; color: #1b1b1f; max-width: 34rem; }
.box { border: 1px solid #8a8a95; border-radius: 8px; padding: 0.8rem; background: #fff; }
label { display: block; font-weight: 600; margin-bottom: 0.2rem; }
.hint { margin: 0 0 0.4rem; color: #45454f; font-size: 0.85em; }
input { box-sizing: border-box; width: 100%; font: inherit; font-size: 1.15em; padding: 0.4rem 0.5rem;
  border: 1px solid #45454f; border-radius: 4px; }
input:focus-visible, select:focus-visible, button:focus-visible, textarea:focus-visible, summary:focus-visible {
  outline: 3px solid #1a56c4; outline-offset: 2px; }
.result { margin-top: 0.7rem; }
.number { font-size: 1.3em; font-weight: 700; margin: 0; }
.e164 { color: #45454f; font-family: ui-monospace, monospace; }
.badge { display: inline-block; margin: 0.4rem 0; padding: 0.15rem 0.6rem; border-radius: 999px;
  font-weight: 700; border: 2px solid currentColor; }
.badge.low { color: #17612e; background: #e7f5ea; }
.badge.medium { color: #7a4b00; background: #fff3d6; }
.badge.high { color: #a3111a; background: #fde8e8; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.2rem 0.8rem; margin: 0.4rem 0; }
dt { font-weight: 600; color: #45454f; }
dd { margin: 0; overflow-wrap: anywhere; }
h3 { font-size: 1em; margin: 0.7rem 0 0.2rem; }
ul { margin: 0; padding-left: 1.2rem; }
li { margin: 0.1rem 0; overflow-wrap: anywhere; }
.sev { font-weight: 700; }
.sev.danger { color: #a3111a; } .sev.warning { color: #7a4b00; } .sev.info { color: #1a56c4; }
.advice { margin-top: 0.6rem; padding: 0.5rem; border-left: 4px solid #1a56c4; background: #eef3fc; }
.error { color: #a3111a; font-weight: 600; }
.notice { font-weight: 600; }
.actions { margin-top: 0.7rem; display: flex; gap: 0.6rem; align-items: center; flex-wrap: wrap; }
button { font: inherit; padding: 0.35rem 0.8rem; border-radius: 4px; border: 1px solid #1a56c4;
  background: #1a56c4; color: #fff; cursor: pointer; }
button:disabled { background: #c9c9d1; border-color: #c9c9d1; color: #45454f; cursor: default; }
.copy-status { font-size: 0.9em; }
textarea { width: 100%; box-sizing: border-box; font: 0.85em ui-monospace, monospace; min-height: 8rem; }
.notes { margin-top: 0.5rem; font-size: 0.85em; color: #45454f; }
.alarm { margin: 0.5rem 0; padding: 0.45rem 0.6rem; border: 2px solid #a3111a; border-radius: 6px;
  background: #fde8e8; color: #7d0d14; font-weight: 700; }
.alarm div { margin: 0.1rem 0; }
.desk-note { margin: 0.2rem 0; }
.desk dl { grid-template-columns: 1fr; gap: 0; }
.desk dd { margin: 0 0 0.3rem 0.8rem; }
.complaint { margin-top: 0.7rem; border-top: 1px solid #c9c9d1; padding-top: 0.5rem; }
.complaint summary { cursor: pointer; font-weight: 600; color: #1a56c4; }
.complaint form { display: grid; gap: 0.25rem; margin-top: 0.4rem; }
.complaint form label { margin: 0.3rem 0 0; }
.complaint select, .complaint input { font: inherit; font-size: 1em; padding: 0.3rem 0.4rem; }
.complaint textarea { font: inherit; min-height: 3.2rem; }
.complaint .hint { margin: 0; }
.complaint button { justify-self: start; margin-top: 0.4rem; }
.complaint-status { margin: 0.3rem 0 0; font-size: 0.9em; }
.complaint-status span { display: block; }
.complaint-status .alarm-line { color: #a3111a; font-weight: 700; }
[hidden] { display: none !important; }
`;

const TEMPLATE = `
<div class="box" part="box">
  <label for="number" id="label"></label>
  <p class="hint" id="hint"></p>
  <input id="number" type="text" inputmode="tel" autocomplete="off" spellcheck="false"
         aria-describedby="hint">
  <div class="result" id="result" role="status" aria-live="polite" aria-atomic="true"></div>
  <details class="complaint" id="complaint" hidden>
    <summary id="complaint-summary"></summary>
    <form id="complaint-form">
      <label for="complaint-category" id="complaint-category-label"></label>
      <select id="complaint-category" required></select>
      <label for="complaint-company" id="complaint-company-label"></label>
      <input id="complaint-company" type="text" maxlength="200" autocomplete="off">
      <label for="complaint-note" id="complaint-note-label"></label>
      <textarea id="complaint-note" maxlength="4000" rows="2"></textarea>
      <label for="complaint-customer" id="complaint-customer-label"></label>
      <input id="complaint-customer" type="text" maxlength="200" autocomplete="off"
             aria-describedby="complaint-customer-hint">
      <p class="hint" id="complaint-customer-hint"></p>
      <button type="submit" id="complaint-submit"></button>
      <p class="complaint-status" id="complaint-status" role="status" aria-live="polite"></p>
    </form>
  </details>
  <div class="actions">
    <button type="button" id="copy"></button>
    <span class="copy-status" id="copy-status" role="status" aria-live="polite"></span>
  </div>
  <textarea id="ticket" readonly hidden aria-labelledby="copy"></textarea>
  <details class="notes" id="notes" hidden><summary id="notes-summary"></summary><ul id="notes-list"></ul></details>
</div>
`;

/**
 * The line for a report whose input is no number. A display that showed no number
 * (`no_number_shown`: "Unbekannt", "Anonymous") is no typo of the agent's: its message
 * stands alone, as a sentence, rather than under "Not a phone number".
 */
function errorLine(error, t) {
  if (error.code === "no_number_shown") {
    return error.message.charAt(0).toUpperCase() + error.message.slice(1) + ".";
  }
  return `${t.invalid}: ${error.message}`;
}

/** A short text for one source's answer (status first, then what it said). */
function sourceLine(source, t) {
  const parts = [source.status_text || source.status];
  if (source.verdict) parts.push(t.verdict[source.verdict] || source.verdict);
  if (source.risk_score !== null && source.risk_score !== undefined) parts.push(`${source.risk_score}/100`);
  if (source.labels && source.labels.length) parts.push(source.labels.join(", "));
  if (source.comments !== null && source.comments !== undefined) parts.push(t.comments(source.comments));
  if (source.votes !== null && source.votes !== undefined) parts.push(t.votes(source.votes));
  if (source.error) parts.push(source.error.message);
  return `${source.name}: ${parts.join(" · ")}`;
}

export class NumrepLookup extends HTMLElement {
  static get observedAttributes() {
    return ["region", "lang", "config", "desk"];
  }

  constructor() {
    super();
    const root = this.attachShadow({ mode: "open" });
    const style = document.createElement("style");
    style.textContent = STYLE;
    const template = document.createElement("template");
    template.innerHTML = TEMPLATE; // static markup of our own; no outside data
    root.append(style, template.content.cloneNode(true));
    this._ui = {};
    for (const node of root.querySelectorAll("[id]")) this._ui[node.id] = node;
    this._checker = null;
    this._core = null;
    this._report = null;
    this._sources = [];
    this._pending = new Map();
    this._listNotes = [];
    this._seq = 0;
    this._timer = 0;
    this._onlineTimer = 0;
    this._setupSeq = 0;
    // The complaint desk: what it said about the shown number ("off" without a desk or
    // without an E.164 number), the category names it counts (known after its first
    // answer), and the last post that got no answer (retried with the same key).
    this._deskToken = "";
    this._deskState = { status: "off" };
    this._deskE164 = null;
    this._deskTimer = 0;
    this._deskAbort = null;
    this._categories = null;
    this._posting = false;
    this._retry = null;
    this.ready = Promise.resolve();
    this._ui.number.addEventListener("input", () => this._schedule());
    this._ui.copy.addEventListener("click", () => this._copy());
    this._ui["complaint-form"].addEventListener("submit", (event) => {
      event.preventDefault();
      this._recordComplaint();
    });
  }

  connectedCallback() {
    this._applyStrings();
    this._setup();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (oldValue === newValue || !this.isConnected) return;
    if (name === "desk") {
      // Another desk: its categories, its retries and the last post's note do not carry over.
      this._categories = null;
      this._retry = null;
      this._ui["complaint-status"].replaceChildren();
      this._schedule(null);
      return;
    }
    this._applyStrings();
    this._setup();
  }

  get region() {
    return (this.getAttribute("region") || "DE").toUpperCase();
  }
  set region(value) {
    this.setAttribute("region", value);
  }

  get lang() {
    const own = (this.getAttribute("lang") || "").toLowerCase();
    if (own === "de" || own === "en") return own;
    const page = (this.closest("[lang]")?.getAttribute("lang") || document.documentElement.lang || "").toLowerCase();
    return page.startsWith("de") ? "de" : "en";
  }
  set lang(value) {
    this.setAttribute("lang", value);
  }

  get config() {
    return this.getAttribute("config");
  }
  set config(value) {
    if (value === null || value === undefined || value === "") this.removeAttribute("config");
    else this.setAttribute("config", value);
  }

  /** URL of the complaint desk (attribute `desk`); empty: offline only. */
  get desk() {
    return this.getAttribute("desk") || "";
  }
  set desk(value) {
    if (value === null || value === undefined || value === "") this.removeAttribute("desk");
    else this.setAttribute("desk", value);
  }

  /**
   * The bearer token for the desk (a property only, so it never shows in the page's
   * markup). A new token asks the desk again if it refused the last one.
   */
  get deskToken() {
    return this._deskToken;
  }
  set deskToken(value) {
    this._deskToken = value ? String(value) : "";
    const refused = this._deskState.status === "error" && ["unauthorized", "forbidden"].includes(this._deskState.error?.kind);
    if (refused) this._schedule(null);
  }

  /** The desk's last answer for the shown number (counts, alerts), or null. */
  get deskView() {
    return this._deskState.status === "ok" ? this._deskState.view : null;
  }

  /** The text in the input; setting it checks the new text at once. */
  get value() {
    return this._ui.number.value;
  }
  set value(text) {
    this._ui.number.value = text;
    this._schedule(0);
  }

  /** The last complete report (a NumrepReport), or null. */
  get report() {
    return this._report;
  }

  get _t() {
    return STRINGS[this.lang];
  }

  _applyStrings() {
    const t = this._t;
    this._ui.label.textContent = t.label;
    this._ui.hint.textContent = t.hint;
    this._ui.number.placeholder = t.placeholder;
    this._ui.copy.textContent = t.copy;
    const f = t.desk.form;
    this._ui["complaint-summary"].textContent = f.summary;
    this._ui["complaint-category-label"].textContent = f.category;
    this._ui["complaint-company-label"].textContent = f.company;
    this._ui["complaint-note-label"].textContent = f.note;
    this._ui["complaint-customer-label"].textContent = f.customer;
    this._ui["complaint-customer-hint"].textContent = f.customerHint;
    this._ui["complaint-submit"].textContent = f.submit;
    this._renderNotes();
    this._updateForm();
  }

  /** (Re)loads the module, the lists and the sources, then re-checks the input. */
  _setup() {
    const seq = ++this._setupSeq;
    this._listNotes = [];
    this._renderMessage(this._t.loading);
    this.ready = this._load(seq).then(
      () => {
        if (seq === this._setupSeq) this._schedule(null);
      },
      (error) => {
        if (seq !== this._setupSeq) return;
        this._renderMessage(`${error.code ? error.code + ": " : ""}${error.message}`, true);
      },
    );
    return this.ready;
  }

  async _load(seq) {
    const configUrl = this.config ? new URL(this.config, document.baseURI) : null;
    let config = null;
    let configText = "";
    if (configUrl) {
      try {
        const response = await fetch(configUrl, { credentials: "same-origin" });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        configText = await response.text();
        config = JSON.parse(configText);
      } catch (error) {
        this._listNotes.push(`${this._t.configFailed} (${error.message})`);
      }
    }
    const wantsOnline = Boolean(config && Array.isArray(config.sources) && config.sources.length);
    const modulePromise = loadModule(wantsOnline ? "online" : "offline");
    // The list files download while the module loads.
    const lists = [
      ["own_numbers", "loadOwnNumbers"],
      ["blocklist", "loadBlocklist"],
      ["allowlist", "loadAllowlist"],
    ]
      .filter(([key]) => config && typeof config[key] === "string" && config[key])
      .map(([key, method]) => {
        const url = new URL(config[key], configUrl);
        const text = fetch(url, { credentials: "same-origin" }).then((response) => {
          if (!response.ok) throw new Error(`HTTP ${response.status}`);
          return response.text();
        });
        text.catch(() => {}); // reported below, in order
        return { method, text, fileName: url.pathname.split("/").pop() || config[key] };
      });
    const module = await modulePromise;
    if (config) {
      // The same reader as the CLI's: a misspelt key is an error, never ignored.
      try {
        module.checkConfig(configText, configUrl.pathname.split("/").pop() || "config.json");
      } catch (error) {
        this._listNotes.push(`${this._t.configFailed} (${error.message})`);
        config = null;
      }
    }
    const checker = new module.NumrepChecker(this.region, this.lang);
    // Labels and verdict words come from the core's message catalogue, so the widget
    // says what the CLI says.
    const coreTexts = module.texts(this.lang);
    if (config) {
      for (const { method, text, fileName } of lists) {
        try {
          const result = checker[method](await text, fileName);
          for (const problem of result.problems) {
            this._listNotes.push(`${problem.file}:${problem.line ?? "?"}: ${problem.message}`);
          }
          if (result.unlisted_problems) {
            this._listNotes.push(`${fileName}: +${result.unlisted_problems}`);
          }
        } catch (error) {
          this._listNotes.push(`${fileName}: ${error.code ? error.code + ": " : ""}${error.message}`);
        }
      }
      if (wantsOnline) {
        try {
          checker.configureOnline(config, undefined);
        } catch (error) {
          this._listNotes.push(`${error.code ? error.code + ": " : ""}${error.message}`);
        }
      }
    }
    if (seq !== this._setupSeq) {
      checker.free();
      return;
    }
    // Online checks still running keep their own reference to the lists (Rc in wasm).
    const previous = this._checker;
    this._checker = checker;
    this._core = coreTexts;
    previous?.free();
    this._sources = wantsOnline ? checker.sourceNames() : [];
    this._renderNotes();
  }

  /** Checks the input after `delay` ms of quiet typing, or at once for `null`. */
  _schedule(delay = TYPING_DELAY_MS) {
    clearTimeout(this._timer);
    clearTimeout(this._onlineTimer);
    clearTimeout(this._deskTimer);
    this._seq++;
    if (delay === null) this._check();
    else this._timer = setTimeout(() => this._check(), delay);
  }

  /**
   * Checks the input offline, then (after a pause in typing) asks the online sources
   * and the complaint desk.
   */
  _check() {
    if (!this._checker) return;
    const seq = this._seq;
    const text = this._ui.number.value;
    this._deskAbort?.abort();
    this._deskAbort = null;
    if (!text.trim()) {
      this._report = null;
      this._setDeskNumber(null);
      this.removeAttribute("risk");
      this._renderMessage(this._t.empty);
      return;
    }
    const report = this._checker.check(text);
    this._pending = new Map();
    const online = report.ok && report.e164 && this._sources.length > 0;
    if (online) for (const name of this._sources) this._pending.set(name, null);
    const deskNumber = this.desk && report.ok && report.e164 ? report.e164 : null;
    this._setDeskNumber(deskNumber);
    this._show(report);
    if (online) {
      this._onlineTimer = setTimeout(() => this._checkOnline(seq, text), ONLINE_DELAY_MS);
    }
    if (deskNumber) {
      this._deskTimer = setTimeout(() => this._askDesk(seq, deskNumber), ONLINE_DELAY_MS);
    }
  }

  /** The number the desk part is about (null: none); a new number starts afresh. */
  _setDeskNumber(e164) {
    if (e164 !== this._deskE164) {
      this._ui["complaint-status"].replaceChildren();
      this._retry = null;
    }
    this._deskE164 = e164;
    this._deskState = e164 ? { status: "asking" } : { status: "off" };
  }

  /** A client for the configured desk and token (throws a DeskError for a bad URL). */
  _deskClient() {
    try {
      return new DeskClient(this.desk, this._deskToken);
    } catch (error) {
      throw error instanceof DeskError ? error : new DeskError("unreachable", error.message);
    }
  }

  /** Asks the desk for the counts and alerts of `e164`; only the latest request shows. */
  async _askDesk(seq, e164) {
    this._deskAbort?.abort();
    const abort = new AbortController();
    this._deskAbort = abort;
    let state;
    try {
      const view = await this._deskClient().numberView(e164, abort.signal);
      this._categories = Object.keys(view.complaints.by_category || {});
      state = { status: "ok", view };
    } catch (error) {
      state = { status: "error", error };
    }
    if (this._deskAbort !== abort || seq !== this._seq) return; // superseded
    this._deskAbort = null;
    this._deskState = state;
    this._render(this._report);
  }

  async _checkOnline(seq, text) {
    const onSource = (source) => {
      if (seq !== this._seq) return;
      this._pending.set(source.name, source);
      this._render(this._report);
    };
    try {
      const report = await this._checker.checkOnline(text, onSource);
      if (seq === this._seq) {
        this._pending = new Map(report.sources.map((s) => [s.name, s]));
        this._show(report);
      }
    } catch (error) {
      if (seq === this._seq) {
        this._listNotes.push(`${error.code ? error.code + ": " : ""}${error.message}`);
        this._renderNotes();
      }
    }
  }

  _show(report) {
    this._report = report;
    if (report.ok && report.risk) this.setAttribute("risk", report.risk);
    else this.removeAttribute("risk");
    this._ui["copy-status"].textContent = "";
    this._ui.ticket.hidden = true;
    this._render(report);
    this.dispatchEvent(new CustomEvent("numrep-result", { detail: report, bubbles: true, composed: true }));
  }

  _renderMessage(text, isError = false) {
    this._ui.result.replaceChildren(el("p", isError ? "error" : "", text));
    this._ui.complaint.hidden = true;
  }

  _render(report) {
    const t = this._t;
    const { labels, severity } = this._core;
    const out = document.createDocumentFragment();
    if (!report.ok) {
      out.append(el("p", report.error.code === "no_number_shown" ? "notice" : "error", errorLine(report.error, t)));
      this._ui.result.replaceChildren(out);
      this._updateForm();
      return;
    }
    out.append(el("p", "number", report.national_format || report.international_format || report.national_number));
    if (report.e164) out.append(el("div", "e164", report.e164));
    const badgeLine = el("div");
    badgeLine.append(el("span", `badge ${report.risk}`, `${RISK_SYMBOL[report.risk] || ""} ${labels.risk}: ${report.risk_text}`));
    out.append(badgeLine);
    const banner = renderBanner(this._deskState, t.desk);
    if (banner) out.append(banner);

    const dl = el("dl");
    row(dl, labels.kind, report.category_text);
    row(dl, labels.tariff, report.tariff?.description);
    row(dl, labels.place, report.place);
    row(dl, labels.operator, report.operator);
    if (!report.place) row(dl, labels.country, report.country);
    row(dl, labels.validity, report.validity_text);
    row(dl, labels.caller_id, report.caller_id_text);
    const own = report.own_number;
    if (own) {
      row(dl, labels.own_number, t.ownVendor(own));
      row(dl, t.contact, own.contact);
    }
    if (!report.short_code) row(dl, labels.register, report.register?.message);
    if (report.list) {
      const list = report.list;
      const word = list.decision === "blocked" ? t.blocked : t.allowed;
      row(dl, labels.list, [word, list.category, list.note].filter(Boolean).join(" — "));
    }
    out.append(dl);
    if (this._deskState.status !== "off") out.append(renderCounts(this._deskState, t.desk));

    if (report.reasons.length) {
      out.append(el("h3", "", labels.reasons));
      const ul = el("ul");
      for (const reason of report.reasons) {
        const li = el("li");
        li.append(el("span", `sev ${reason.severity}`, `${severity[reason.severity] || reason.severity}: `), document.createTextNode(reason.message));
        ul.append(li);
      }
      out.append(ul);
    }

    if (this._pending.size) {
      out.append(el("h3", "", labels.sources));
      const ul = el("ul");
      for (const [name, source] of this._pending) {
        ul.append(el("li", "source", source ? sourceLine(source, t) : `${name}: ${t.asking}`));
      }
      out.append(ul);
    }

    if (report.advice) {
      const advice = el("div", "advice");
      advice.append(el("strong", "", `${labels.advice}: `), document.createTextNode(report.advice.message));
      out.append(advice);
    }
    this._ui.result.replaceChildren(out);
    this._updateForm();
  }

  /**
   * Shows the complaint form while the desk part is on; its categories are the desk's,
   * so it can be sent once the desk has answered once.
   */
  _updateForm() {
    const ui = this._ui;
    ui.complaint.hidden = this._deskState.status === "off";
    const select = ui["complaint-category"];
    const names = this._categories || [];
    const signature = `${this.lang}|${names.join(",")}`;
    if (select.dataset.signature !== signature) {
      const chosen = select.value;
      const d = this._t.desk;
      const options = [new Option(d.form.choose, "")];
      for (const { value, label } of categoryChoices(names, d)) options.push(new Option(label, value));
      select.replaceChildren(...options);
      select.value = names.includes(chosen) ? chosen : "";
      select.dataset.signature = signature;
    }
    ui["complaint-submit"].disabled = names.length === 0;
  }

  /** Sends the form to the desk; shows the new counts and any alert it raised. */
  async _recordComplaint() {
    const ui = this._ui;
    const e164 = this._deskE164;
    if (this._posting || !e164 || !this._categories || !ui["complaint-category"].value) return;
    const d = this._t.desk;
    const complaint = { number: e164, category: ui["complaint-category"].value };
    const fields = { claimed_company: "complaint-company", note: "complaint-note", customer_ref: "complaint-customer" };
    for (const [key, id] of Object.entries(fields)) {
      const value = ui[id].value.trim();
      if (value) complaint[key] = value;
    }
    // The same complaint sent again after a failure keeps its key: if the first post
    // was stored after all, the desk counts it once.
    const body = JSON.stringify(complaint);
    const key = this._retry?.body === body ? this._retry.key : newIdempotencyKey();
    this._retry = { body, key };
    const status = ui["complaint-status"];
    const say = (lines, className = "") => {
      status.className = `complaint-status ${className}`.trim();
      status.replaceChildren(...lines.map(([text, cls]) => el("span", cls || "", text)));
    };
    this._posting = true;
    say([[d.form.saving]]);
    try {
      const answer = await this._deskClient().record(complaint, key);
      this._retry = null;
      for (const id of ["complaint-category", ...Object.values(fields)]) ui[id].value = "";
      say([
        [d.form.recorded(String(answer.e164), countsText(answer.stats, d))],
        ...answer.alerts.map((alert) => [d.form.newAlert(alertText(alert, d)), "alarm-line"]),
      ]);
      this.dispatchEvent(new CustomEvent("numrep-complaint", { detail: answer, bubbles: true, composed: true }));
      if (this._deskE164 === e164) this._askDesk(this._seq, e164);
    } catch (error) {
      say([[deskErrorText(error, d)]], "error");
    } finally {
      this._posting = false;
    }
  }

  _renderNotes() {
    const notes = this._listNotes || [];
    this._ui.notes.hidden = notes.length === 0;
    this._ui["notes-summary"].textContent = this._t.listProblems(notes.length);
    this._ui["notes-list"].replaceChildren(...notes.map((note) => el("li", "", note)));
  }

  /** The plain-text summary for a CRM ticket (empty string before the first check). */
  ticketText() {
    const report = this._report;
    if (!report) return "";
    const t = this._t;
    const tt = t.ticket;
    const { labels, severity } = this._core;
    const lines = [`${tt.title} — ${tt.time}: ${localTime(new Date())}`, `${tt.input}: ${report.input.trim()}`];
    if (!report.ok) {
      lines.push(`${errorLine(report.error, t)} [${report.error.code}]`);
      return lines.join("\n");
    }
    lines.push(`${tt.number}: ${report.international_format || report.national_number}${report.e164 ? ` (${report.e164})` : ""}`);
    lines.push(`${labels.kind}: ${report.category_text}${report.tariff ? ` — ${report.tariff.description}` : ""}`);
    const where = [report.place, report.operator, report.country].filter(Boolean).join(", ");
    if (where) lines.push(`${labels.place}: ${where}`);
    lines.push(`${labels.validity}: ${report.validity_text}`);
    if (report.caller_id_text) lines.push(`${labels.caller_id}: ${report.caller_id_text}`);
    if (report.register) lines.push(`${labels.register}: ${report.register.message}`);
    if (report.own_number) {
      const own = report.own_number;
      lines.push(`${labels.own_number}: ${t.ownVendor(own)}${own.contact ? `, ${own.contact}` : ""}`);
    }
    if (report.list) {
      lines.push(`${labels.list}: ${report.list.decision === "blocked" ? t.blocked : t.allowed} (${report.list.pattern}${report.list.note ? `, ${report.list.note}` : ""})`);
    }
    lines.push(`${tt.verdict}: ${labels.risk} ${report.risk_text} (${report.risk})`);
    lines.push(`${labels.reasons}:`);
    if (report.reasons.length) {
      for (const reason of report.reasons) lines.push(`- [${severity[reason.severity] || reason.severity}] ${reason.message}`);
    } else {
      lines.push(`- ${tt.none}`);
    }
    const sources = [...this._pending.values()].filter(Boolean);
    lines.push(`${labels.sources}: ${sources.length ? "" : this._sources.length ? tt.none : tt.offline}`);
    for (const source of sources) lines.push(`- ${sourceLine(source, t)}`);
    lines.push(...ticketLines(this._deskState, t.desk));
    if (report.advice) lines.push(`${labels.advice}: ${report.advice.message}`);
    lines.push(`${tt.data}: numrep ${report.data_version}`);
    return lines.join("\n");
  }

  async _copy() {
    const status = this._ui["copy-status"];
    const text = this.ticketText();
    if (!text) {
      status.textContent = this._t.nothingToCopy;
      return;
    }
    try {
      await navigator.clipboard.writeText(text);
      this._ui.ticket.hidden = true;
      status.textContent = this._t.copied;
    } catch {
      const area = this._ui.ticket;
      area.value = text;
      area.hidden = false;
      area.focus();
      area.select();
      status.textContent = this._t.copyFailed;
    }
  }
}

if (!customElements.get("numrep-lookup")) {
  customElements.define("numrep-lookup", NumrepLookup);
}
