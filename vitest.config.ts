import { defineConfig } from "vitest/config";

// Two tiers: pure tests run in parallel; emulator tests share one set of
// emulators, so they run one file at a time. The storage.rules tests need the
// Storage emulator, which runs only where its rules runtime is installed
// (scripts/emulators.mjs); they are always in the run and show as skipped,
// with the reason, where it is absent (test/storage/availability.ts).

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/unit/**/*.test.ts", "web/test/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "emulator",
          include: ["test/emulator/**/*.test.ts", "test/rules/**/*.test.ts", "test/storage/**/*.test.ts"],
          globalSetup: ["test/storage/availability.ts"],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
