// Whether the storage.rules tests can run here, and the globalSetup of the
// emulator tests. The Storage emulator is started only where its rules
// runtime is installed (scripts/emulators.mjs). Where it is absent, the
// storage.rules tests still load and appear in vitest's summary as skipped,
// with the reason in their name; where it is expected
// (EXPECT_STORAGE_EMULATOR=1, e.g. in CI), its absence fails the run.
export const storageEmulatorRunning = Boolean(process.env.FIREBASE_STORAGE_EMULATOR_HOST);
export const storageEmulatorExpected = process.env.EXPECT_STORAGE_EMULATOR === "1";

const REASON =
  "the Storage emulator is not running: its rules runtime (cloud-storage-rules-runtime jar) is not installed " +
  "and firebase-tools cannot download it without Internet";

/** Whether the storage.rules suites skip; never when the emulator is expected (they then fail). */
export const skipStorageRules = !storageEmulatorRunning && !storageEmulatorExpected;

/** The name of a storage.rules suite, with the reason when it is skipped. */
export const storageSuiteName = (name: string): string => (skipStorageRules ? `${name} (SKIPPED: ${REASON})` : name);

export default function reportStorageRulesAvailability(): void {
  if (storageEmulatorRunning) return;
  if (storageEmulatorExpected) {
    throw new Error(`EXPECT_STORAGE_EMULATOR=1 but ${REASON}; the storage.rules tests must run here.`);
  }
  console.log(`SKIPPED test/storage (storage.rules): ${REASON}.`);
}
