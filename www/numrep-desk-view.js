// What <numrep-lookup> shows of the complaint desk: the alert banner, the counts for the
// number, its range and its vendor, the category choices of the complaint form, and the
// ticket lines. `d` is the widget's STRINGS[lang].desk table; every value from the desk
// is put on the page as text (textContent), never as HTML.

import { el, localTime, row } from "./numrep-dom.js";

/** `"48h"` → `"48 h"`, `"7d"` → `"7 Tagen"` / `"7 days"`; anything else as sent. */
export function windowText(window, d) {
  const match = /^(\d+)([dhms])$/.exec(String(window));
  return match ? d.window[match[2]](Number(match[1])) : String(window);
}

/** One alert as a sentence: "23 Beschwerden in 48 h von 19 Kunden — Alarm: Dienstleister Callcenter Nord". */
export function alertText(alert, d) {
  const subject = (d.subject[alert.group_by] || ((key) => key))(String(alert.key));
  const text = d.alert({
    count: Number(alert.count) || 0,
    customers: Number(alert.customers) || 0,
    window: windowText(alert.window, d),
    subject,
  });
  return alert.p_value !== undefined && alert.p_value !== null ? `${text} (${d.surprise})` : text;
}

/** A key's counts in one line ("9 Beschwerden von 4 Kunden · 3 in 24 h · …"). */
export function countsText(stats, d) {
  return stats && Number(stats.total) > 0 ? d.counts(stats) : d.none;
}

/** The categories complained about, most first ("Erotik 2, Werbeanruf 1"). */
function categoriesText(byCategory, d) {
  return Object.entries(byCategory || {})
    .filter(([, n]) => Number(n) > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([name, n]) => `${d.categories[name] || name} ${n}`)
    .join(", ");
}

/**
 * The complaint form's choices from the category names the desk counts (the keys of its
 * `by_category`): in the order of the STRINGS table, unknown ones last by their wire name.
 */
export function categoryChoices(names, d) {
  const known = Object.keys(d.categories);
  const rank = (name) => (known.includes(name) ? known.indexOf(name) : known.length);
  return [...names]
    .sort((a, b) => rank(a) - rank(b) || a.localeCompare(b))
    .map((name) => ({ value: name, label: d.categories[name] || name }));
}

/** The note for a failed desk request (DeskError), in the widget's language. */
export function deskErrorText(error, d) {
  const describe = d.errors[error?.kind] || d.errors.unreachable;
  return describe(error || {});
}

/** The `(scope, key, stats)` rows of a view: number, range, and vendor when there is one. */
function scopes(view, d) {
  const out = [[d.thisNumber, view.complaints]];
  if (view.range_complaints) out.push([d.range(String(view.range_complaints.key)), view.range_complaints]);
  if (view.vendor_complaints) out.push([d.vendor(String(view.vendor_complaints.key)), view.vendor_complaints]);
  return out;
}

/** The alert banner (one line per active alert), or null when none is active. */
export function renderBanner(state, d) {
  const alerts = state?.status === "ok" ? state.view.alerts : [];
  if (!alerts.length) return null;
  const banner = el("div", "alarm");
  banner.setAttribute("part", "alarm");
  for (const alert of alerts) banner.append(el("div", "", `⚠ ${alertText(alert, d)}`));
  return banner;
}

/** The complaints section of the result: asking, the counts, or why there are none. */
export function renderCounts(state, d) {
  const section = el("section", "desk");
  section.setAttribute("aria-label", d.heading);
  section.append(el("h3", "", d.heading));
  if (state.status === "asking") {
    section.append(el("p", "desk-note", d.asking));
  } else if (state.status === "error") {
    section.append(el("p", "desk-note error", deskErrorText(state.error, d)));
  } else {
    const dl = el("dl");
    for (const [scope, stats] of scopes(state.view, d)) row(dl, scope, countsText(stats, d));
    const number = state.view.complaints;
    row(dl, d.categoriesLabel, categoriesText(number.by_category, d));
    if (Number.isFinite(number.last_at)) row(dl, d.latest, localTime(new Date(number.last_at)));
    section.append(dl);
  }
  return section;
}

/** The desk's part of the ticket summary (empty without a desk answer). */
export function ticketLines(state, d) {
  if (!state || state.status === "off") return [];
  if (state.status !== "ok") {
    return [`${d.heading}: ${state.status === "asking" ? d.asking : deskErrorText(state.error, d)}`];
  }
  const lines = [`${d.heading}:`];
  for (const [scope, stats] of scopes(state.view, d)) lines.push(`- ${scope}: ${countsText(stats, d)}`);
  for (const alert of state.view.alerts) lines.push(`- ${alertText(alert, d)}`);
  return lines;
}
