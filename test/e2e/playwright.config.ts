// The browser tests: headless Chromium (Debian's package; Playwright's own
// download does not work on these machines) driving the client on the
// Hosting emulator against the Auth, Firestore and Functions emulators.
// Run through `npm run test:e2e`, which starts the emulators once.
import { defineConfig } from "@playwright/test";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export default defineConfig({
  testDir: ".",
  testMatch: "*.spec.ts",
  globalSetup: "./global-setup.ts",
  // One set of emulators and data shared by the scenarios: run them in order, one at a time.
  workers: 1,
  fullyParallel: false,
  retries: 0,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  outputDir: "../../reports/e2e-results",
  reporter: [["list"]],
  use: {
    baseURL: process.env.WEB_URL,
    headless: true,
    launchOptions: { executablePath: CHROMIUM, args: ["--no-sandbox"] },
    trace: "retain-on-failure",
  },
});
