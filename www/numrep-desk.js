// The complaint desk's HTTP API (`numrep serve`, crates/numrep-desk-server) as the
// <numrep-lookup> widget uses it: a number's counts and alerts, and recording a complaint.
//
// Every failure becomes a DeskError with a `kind` the widget turns into a note:
//   unauthorized (401), forbidden (403), rejected (other 4xx), server (5xx),
//   unreachable (network), timeout, bad_answer (not the JSON the API promises).
// The desk's own error message travels as plain text (`message`), at most
// MAX_MESSAGE characters; the widget shows it with textContent only.

/** How long one request may take before it counts as `timeout`. */
export const TIMEOUT_MS = 5000;
/** The longest error message taken from a desk's answer. */
const MAX_MESSAGE = 300;

/** A failed desk request: `kind` (see above), HTTP `status` and API `code` when known. */
export class DeskError extends Error {
  constructor(kind, message, { status = null, code = null } = {}) {
    super(message);
    this.name = "DeskError";
    this.kind = kind;
    this.status = status;
    this.code = code;
  }
}

/** A fresh `Idempotency-Key`: 128 random bits as hex (works outside secure contexts too). */
export function newIdempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** Text of the desk's `{error: {code, message}}` answer, or of its status line. */
function errorFrom(status, body, statusText) {
  const error = body && typeof body === "object" && body.error && typeof body.error === "object" ? body.error : {};
  const code = typeof error.code === "string" ? error.code.slice(0, 64) : null;
  const message = (typeof error.message === "string" && error.message ? error.message : statusText || `HTTP ${status}`).slice(0, MAX_MESSAGE);
  const kind = status === 401 ? "unauthorized" : status === 403 ? "forbidden" : status >= 500 ? "server" : "rejected";
  return new DeskError(kind, message, { status, code });
}

/** One desk: its base URL (a path prefix is kept) and the bearer token to send. */
export class DeskClient {
  /**
   * `base`: the desk's URL, absolute or relative to the page (`"/"` = the page's own
   * server). `token`: the bearer token, or empty for a desk without tokens.
   */
  constructor(base, token = "") {
    const url = new URL(base, document.baseURI);
    if (url.protocol !== "http:" && url.protocol !== "https:") {
      throw new DeskError("unreachable", `not an http(s) URL: ${url.protocol}`);
    }
    if (!url.pathname.endsWith("/")) url.pathname += "/";
    url.search = "";
    url.hash = "";
    this.base = url;
    this.token = token || "";
  }

  /** `GET /api/v1/numbers/{e164}`: the lookup report plus `complaints`, `range_complaints`, `vendor_complaints`, `alerts`. */
  async numberView(e164, signal) {
    const view = await this._request("GET", `api/v1/numbers/${encodeURIComponent(e164)}`, { signal });
    if (!view || typeof view.complaints !== "object" || !view.complaints || !view.range_complaints || !Array.isArray(view.alerts)) {
      throw new DeskError("bad_answer", "the answer has no complaint counts");
    }
    return view;
  }

  /**
   * `POST /api/v1/complaints` with `Idempotency-Key: key` (a retry with the same key and
   * content counts once): `{id, e164, stats, alerts, replayed}`.
   */
  async record(complaint, key) {
    const answer = await this._request("POST", "api/v1/complaints", { body: complaint, key });
    if (!answer || typeof answer.stats !== "object" || !answer.stats || !Array.isArray(answer.alerts)) {
      throw new DeskError("bad_answer", "the answer has no counts");
    }
    return answer;
  }

  async _request(method, path, { body, key, signal } = {}) {
    if (!/^[\x21-\x7e]*$/.test(this.token)) {
      // fetch would refuse the header anyway; say why instead of "network error".
      throw new DeskError("unauthorized", "the desk token has characters an HTTP header cannot carry");
    }
    const headers = { accept: "application/json" };
    if (this.token) headers.authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers["content-type"] = "application/json";
    if (key) headers["idempotency-key"] = key;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, TIMEOUT_MS);
    const abort = () => controller.abort();
    signal?.addEventListener("abort", abort, { once: true });
    const timeout = () => new DeskError("timeout", `no answer within ${TIMEOUT_MS / 1000} s`);
    try {
      let response;
      try {
        response = await fetch(new URL(path, this.base), {
          method,
          headers,
          body: body === undefined ? undefined : JSON.stringify(body),
          credentials: "omit", // the bearer token is the only credential
          cache: "no-store",
          signal: controller.signal,
        });
      } catch (error) {
        if (timedOut) throw timeout();
        if (signal?.aborted) throw error; // the caller moved on; not a desk problem
        throw new DeskError("unreachable", error.message || "network error");
      }
      let parsed = null;
      try {
        parsed = await response.json();
      } catch (error) {
        if (timedOut) throw timeout();
        if (signal?.aborted) throw error;
        if (response.ok) throw new DeskError("bad_answer", "the answer is not JSON", { status: response.status });
      }
      if (!response.ok) throw errorFrom(response.status, parsed, response.statusText);
      return parsed;
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", abort);
    }
  }
}
