//! TypeScript types of the result objects, emitted into the generated `.d.ts`.
//!
//! The fields are the CLI's JSON contract (`numrep lookup --format json`). Reports are
//! written field by field in the order of `Report::write_json` (`report_record.rs`,
//! read by `js/report.js`); `tests/report_object.rs` holds the object to that JSON, the
//! other results are serialized by serde.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** An `Error` thrown by numrep; `code` is the stable code the CLI reports. */
export interface NumrepError extends Error {
  code: string;
}

/** A stable code with a sentence in the requested language. */
export interface NumrepMessage {
  code: string;
  message: string;
}

/** A reason behind the risk level. */
export interface NumrepReason {
  code: string;
  /** `info` when an allow-list entry overrules it. */
  severity: "info" | "warning" | "danger";
  message: string;
  /** True when an allow-list entry overrules this (heuristic) finding. */
  overruled: boolean;
}

/** What the own-number register said. */
export interface NumrepRegister {
  status: "not_configured" | "not_listed" | "listed" | "listed_outside_window";
  /** Entries checked, when the number is not in the register. */
  entries: number | null;
  message: string;
}

/** The words around a report, from the core's catalogue (`texts(lang)`). */
export interface NumrepTexts {
  labels: Record<string, string>;
  severity: Record<"info" | "warning" | "danger", string>;
  risk: Record<"low" | "medium" | "high", string>;
}

/** Tariff of a service number, in euros. */
export interface NumrepTariff {
  id: string;
  per_minute_eur: number | null;
  per_call_eur: number | null;
  free_seconds: number;
  max_per_minute_eur: number | null;
  max_per_call_eur: number | null;
  description: string;
}

/** The own-number registry entry that matched. */
export interface NumrepOwnNumber {
  vendor: string;
  campaign: string | null;
  contact: string | null;
  note: string | null;
  pattern: string;
  match_kind: "exact" | "range" | "prefix";
  valid_from: string | null;
  valid_to: string | null;
  in_window: boolean;
  source: string;
  line: number | null;
}

/** The block/allow list decision. */
export interface NumrepListDecision {
  decision: "allowed" | "blocked";
  pattern: string;
  category: string | null;
  note: string | null;
  source: string;
  line: number | null;
  overruled: string[];
}

/** What one online source said (or why it did not answer). Texts are data, never markup. */
export interface NumrepSourceEvidence {
  name: string;
  kind: string;
  status: "ok" | "not_found" | "timeout" | "error" | "config_error" | "skipped";
  /** The status in the report's language. */
  status_text: string;
  cached: boolean;
  elapsed_ms: number;
  verdict: "spam" | "suspicious" | "neutral" | "legitimate" | "unknown" | null;
  risk_score: number | null;
  labels: string[];
  comments: number | null;
  votes: number | null;
  summary: string | null;
  /** `code` and `message` (in the checker's language), plus the values the message
   * names (e.g. `timeout_ms`, `status`, `var`). */
  error: (NumrepMessage & { [value: string]: unknown }) | null;
}

/** Everything numrep knows about one input: the CLI's JSON object. */
export interface NumrepReport {
  input: string;
  ok: boolean;
  error: NumrepMessage | null;
  e164: string | null;
  country_code: number | null;
  region: string | null;
  country: string | null;
  national_number: string | null;
  international_format: string | null;
  national_format: string | null;
  extension: string | null;
  short_code: boolean;
  category: string | null;
  category_text: string | null;
  valid: boolean;
  validity: string | null;
  validity_text: string | null;
  place: string | null;
  operator: string | null;
  tariff: NumrepTariff | null;
  /** null when the input did not parse. */
  caller_id_allowed: boolean | null;
  caller_id: "allowed" | "forbidden" | "implausible" | null;
  caller_id_text: string | null;
  range: { name: string; source: string } | null;
  own_number: NumrepOwnNumber | null;
  register: NumrepRegister | null;
  list: NumrepListDecision | null;
  sources: NumrepSourceEvidence[];
  risk: "low" | "medium" | "high" | null;
  risk_text: string | null;
  reasons: NumrepReason[];
  advice: NumrepMessage | null;
  data_version: string;
}

/** A list row that was left out, with where it is and why. */
export interface NumrepRowProblem {
  file: string;
  line: number | null;
  index: number | null;
  code: string;
  message: string;
}

/** What loading one list file gave. */
export interface ListLoadResult {
  file: string;
  kind: "own_numbers" | "blocklist" | "allowlist";
  /** Entries now in use. */
  entries: number;
  /** Rows left out (at most 1000 listed) … */
  problems: NumrepRowProblem[];
  /** … and how many more were left out without details. */
  unlisted_problems: number;
}
"#;
