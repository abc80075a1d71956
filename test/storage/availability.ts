// globalSetup of the emulator tests: say once, clearly, when the storage.rules
// tests cannot run (the Storage emulator is started only where its rules
// runtime is installed; see scripts/emulators.mjs).
export default function reportStorageRulesAvailability(): void {
  if (!process.env.FIREBASE_STORAGE_EMULATOR_HOST) {
    console.log(
      "SKIPPED test/storage (storage.rules): the Storage emulator is not running because its rules runtime " +
        "(cloud-storage-rules-runtime jar) is not installed and firebase-tools cannot download it without Internet.",
    );
  }
}
