// A real complaint desk for the browser tests: `numrep serve` on 127.0.0.1 (a port the
// system picks) with a temporary SQLite database and config, serving www/ like
// `numrep serve --www www`. The binary is NUMREP_BIN (the make target builds it), else
// target/debug/numrep.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

import { WWW } from "./support.mjs";

const here = dirname(fileURLToPath(import.meta.url));
export const NUMREP = process.env.NUMREP_BIN || join(here, "..", "..", "target", "debug", "numrep");
const START_TIMEOUT_MS = 30_000;

/** A TOML string (JSON's escapes are TOML's for the paths and origins used here). */
export const toml = (value) => JSON.stringify(String(value));

/**
 * Starts the desk with `config` (TOML text) and the environment `env` (tokens, the
 * customer-ref secret); resolves to `{ origin, stop, log }` once it listens. `stop`
 * ends it with SIGTERM and removes its files; `log()` is everything it wrote.
 */
export async function startDesk(config, env) {
  const dir = await mkdtemp(join(tmpdir(), "numrep-desk-browser-"));
  const configFile = join(dir, "numrep.toml");
  await writeFile(configFile, config);
  const args = ["serve", "--config", configFile, "--db", `sqlite://${join(dir, "desk.db")}`, "--listen", "127.0.0.1:0", "--www", WWW];
  const child = spawn(NUMREP, args, {
    env: { PATH: process.env.PATH, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (chunk) => (output += chunk));
  const exited = once(child, "exit");
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGTERM");
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const origin = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`numrep serve did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      child.once("error", (error) => reject(new Error(`cannot run ${NUMREP} (build it: cargo build -p numrep-cli): ${error.message}`)));
      child.once("exit", (code) => reject(new Error(`numrep serve exited with ${code}:\n${output}`)));
      child.stdout.on("data", (chunk) => {
        output += chunk;
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    return { origin, stop, log: () => output };
  } catch (error) {
    await stop();
    throw error;
  }
}
