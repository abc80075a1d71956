#!/usr/bin/env node
// `npm run test:e2e`: the browser tests on one start of the emulators (with
// the Hosting emulator serving web/dist). Fails loudly when the client is not
// built or Chromium is missing; never downloads a browser.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

if (!existsSync(join(root, "web", "dist", "index.html"))) {
  console.error("test:e2e: the web client is not built; run `npm run build` first.");
  process.exit(1);
}
if (!existsSync(chromium)) {
  console.error(
    `test:e2e: no Chromium at ${chromium}. Install it with ` +
      "`apt-get install -y --no-install-recommends chromium fonts-dejavu-core` or set CHROMIUM_PATH. " +
      "(Playwright's own browser download does not work here; do not run `playwright install`.)",
  );
  process.exit(1);
}
// Where the Storage emulator cannot start, the upload itself is skipped by 6-evidence.spec.ts
// with the reason in its title; the verdicts and the browser's own file check still run.
console.log(
  "test:e2e: evidence uploads run only where the Storage emulator does (scripts/emulators.mjs starts it where its " +
    "rules runtime is installed); elsewhere the upload test is reported as skipped, with the reason.",
);
const result = spawnSync(
  process.execPath,
  [join(root, "scripts", "emulators.mjs"), "exec", "npx playwright test -c test/e2e/playwright.config.ts"],
  { cwd: root, stdio: "inherit", env: { ...process.env, CHROMIUM_PATH: chromium } },
);
process.exit(result.status ?? 1);
