import { defineConfig } from "vitest/config";

// The pure tests only, flat (no projects), for StrykerJS (`npm run test:mutation`).
// The CLI tests run the compiled functions/lib, which mutants never reach.
export default defineConfig({
  test: {
    include: ["test/unit/**/*.test.ts"],
    exclude: ["test/unit/cli.test.ts"],
    // Instrumented code on a loaded machine: the property tests need more than the default 5 s.
    testTimeout: 60_000,
    reporters: ["default", "./test/mutation/fail-unloaded-files.ts"],
  },
});
