// Reads a report record (crates/numrep-wasm/src/record.rs, written by
// src/report_record.rs) out of wasm memory into a plain object with the fields, order
// and values of the CLI's JSON report: what `JSON.parse` of that JSON would give.
//
// Slots are f64s; a string is a kind slot and its payload (see record.rs). Static strings
// (codes, catalogue texts, places) are decoded once per address and cached; sentences
// arrive once and are then named by id; per-number strings come as text, ASCII (nearly
// always) read without a decoder call.

const NULL = 0;
const STATIC = 1;
const ASCII = 2;
const INTERNED = 3;
const INTERN = 4;
const JSON_TEXT = 5;
const UTF8 = 6;

/** Above this many bytes, ASCII is decoded by TextDecoder like any text. */
const SHORT_ASCII = 64;
/** Direct-mapped cache of decoded static strings: 2^CACHE_BITS entries. */
const CACHE_BITS = 12;
const CACHE_SIZE = 1 << CACHE_BITS;

const utf8 = new TextDecoder("utf-8");

let memory = null;
let slots = new Float64Array(0);
let bytes = new Uint8Array(0);

const cacheAddress = new Float64Array(CACHE_SIZE).fill(-1);
const cacheLength = new Float64Array(CACHE_SIZE);
const cacheText = new Array(CACHE_SIZE).fill("");
const sentences = [];

// The record being read: its next slot and where its text starts.
let at = 0;
let textAt = 0;

/** Hands over the module's memory once, before the first record. */
export function attach(wasmMemory) {
  memory = wasmMemory;
}

/**
 * Typed views of the memory, renewed after it has grown: growing detaches the old
 * buffer, which leaves its views empty (cheaper to test than `memory.buffer`, a call).
 */
function views() {
  if (slots.length === 0) {
    slots = new Float64Array(memory.buffer);
    bytes = new Uint8Array(memory.buffer);
  }
}

/** A static string of the module (codes, catalogue texts), decoded once per address. */
function staticText(address, length) {
  if (length === 0) return "";
  const slot = Math.imul(address, 0x9e3779b1) >>> (32 - CACHE_BITS);
  if (cacheAddress[slot] === address && cacheLength[slot] === length) return cacheText[slot];
  const value = utf8.decode(bytes.subarray(address, address + length));
  cacheAddress[slot] = address;
  cacheLength[slot] = length;
  cacheText[slot] = value;
  return value;
}

/**
 * Short ASCII as a string, sixteen bytes per `String.fromCharCode` call with the bytes as
 * arguments: several times faster than a TextDecoder call or `apply` with a typed array
 * for the 10–20 characters of a phone number. Bytes read past the end are cut off.
 */
function shortAscii(start, end) {
  const b = bytes;
  let out = "";
  for (let i = start; i < end; i += 16) {
    const chunk = String.fromCharCode(
      b[i], b[i + 1], b[i + 2], b[i + 3], b[i + 4], b[i + 5], b[i + 6], b[i + 7],
      b[i + 8], b[i + 9], b[i + 10], b[i + 11], b[i + 12], b[i + 13], b[i + 14], b[i + 15],
    );
    out += end - i < 16 ? chunk.slice(0, end - i) : chunk;
  }
  return out;
}

/** The next span of the text buffer (offset, byte length), ASCII or UTF-8. */
function span(ascii) {
  const start = textAt + slots[at];
  const end = start + slots[at + 1];
  at += 2;
  return ascii && end - start <= SHORT_ASCII ? shortAscii(start, end) : utf8.decode(bytes.subarray(start, end));
}

function num() {
  const value = slots[at++];
  return value === value ? value : null;
}

function bool() {
  return slots[at++] === 1;
}

function optBool() {
  const value = num();
  return value === null ? null : value === 1;
}

function str() {
  switch (slots[at++]) {
    case NULL:
      return null;
    case STATIC: {
      const value = staticText(slots[at], slots[at + 1]);
      at += 2;
      return value;
    }
    case ASCII:
      return span(true);
    case UTF8:
      return span(false);
    case INTERNED:
      return sentences[slots[at++]];
    case INTERN: {
      const id = slots[at++];
      const value = span(false);
      sentences[id] = value;
      return value;
    }
    case JSON_TEXT:
      return JSON.parse(span(false));
    default:
      throw new Error("numrep: unreadable report record");
  }
}

function codeMessage() {
  return bool() ? { code: str(), message: str() } : null;
}

function tariff() {
  if (!bool()) return null;
  return {
    id: str(),
    per_minute_eur: num(),
    per_call_eur: num(),
    free_seconds: num(),
    max_per_minute_eur: num(),
    max_per_call_eur: num(),
    description: str(),
  };
}

function range() {
  return bool() ? { name: str(), source: str() } : null;
}

function register() {
  return bool() ? { status: str(), entries: num(), message: str() } : null;
}

function reasons() {
  const count = slots[at++];
  const list = new Array(count);
  for (let i = 0; i < count; i++) {
    list[i] = { code: str(), severity: str(), message: str(), overruled: bool() };
  }
  return list;
}

/** The report in the record whose slots start at `slotAddress`, its text at `textAddress`. */
export function readReport(slotAddress, textAddress) {
  views();
  at = slotAddress / 8;
  textAt = textAddress;
  return {
    input: str(),
    ok: bool(),
    error: codeMessage(),
    e164: str(),
    country_code: num(),
    region: str(),
    country: str(),
    national_number: str(),
    international_format: str(),
    national_format: str(),
    extension: str(),
    short_code: bool(),
    category: str(),
    category_text: str(),
    valid: bool(),
    validity: str(),
    validity_text: str(),
    place: str(),
    operator: str(),
    tariff: tariff(),
    cost: str(),
    cost_text: str(),
    caller_id_allowed: optBool(),
    caller_id: str(),
    caller_id_text: str(),
    range: range(),
    own_number: str(),
    register: register(),
    list: str(),
    sources: str() ?? [],
    risk: str(),
    risk_text: str(),
    reasons: reasons(),
    advice: codeMessage(),
    data_version: str(),
  };
}
