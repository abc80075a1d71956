// `npm run bench:web`: the client's import and first-screen figures, in the
// same browser set-up as the e2e tests (see playwright.config.ts).
import { defineConfig } from "@playwright/test";
import base from "./playwright.config.js";

export default defineConfig({ ...base, testMatch: "*.bench.ts", timeout: 300_000 });
