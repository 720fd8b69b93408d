// Small DOM and time-formatting helpers shared by the <numrep-lookup> modules.
// Text only: nothing here ever parses a string as HTML.

/** Creates an element with a class and text content (text only, never markup). */
export function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

/** A `<dt>`/`<dd>` pair appended to `dl` when `value` is set. */
export function row(dl, term, value) {
  if (value === undefined || value === null || value === "") return;
  dl.append(el("dt", "", term), el("dd", "", value));
}

function pad(n) {
  return String(n).padStart(2, "0");
}

/** Local time as `YYYY-MM-DD HH:MM (UTC+01:00)`. */
export function localTime(date) {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const abs = Math.abs(offset);
  return (
    `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ` +
    `${pad(date.getHours())}:${pad(date.getMinutes())} (UTC${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)})`
  );
}
