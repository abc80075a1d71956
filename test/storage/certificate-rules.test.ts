// storage.rules for certificates/{uid}/{certId}.pdf (docs/grading.md). Runs
// only when the Storage emulator is available (availability.ts).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { deleteObject, getBytes, ref, uploadBytes } from "firebase/storage";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { realPdf } from "../factories/files.js";
import { skipStorageRules, storageSuiteName } from "./availability.js";

const root = join(import.meta.dirname, "..", "..");
let env: RulesTestEnvironment;
const HOLDER = "holder-1";
const PATH = `certificates/${HOLDER}/cert-app-1-1.pdf`;
const pdf = { contentType: "application/pdf" };

// Skipped, with the reason in its name, where the Storage emulator is absent
// (availability.ts).
describe.skipIf(skipStorageRules)(storageSuiteName("storage.rules: certificates"), () => {
  beforeAll(async () => {
    env = await initializeTestEnvironment({
      projectId: "demo-cmr-certificate-rules",
      storage: { rules: readFileSync(join(root, "storage.rules"), "utf8") },
    });
  });
  afterAll(() => env.cleanup());
  beforeEach(async () => {
    await env.clearStorage();
    await env.withSecurityRulesDisabled(async (c) => {
      await uploadBytes(ref(c.storage(), PATH), realPdf(), pdf);
    });
  });

  const storageAs = (uid: string | null, claims?: Record<string, unknown>) =>
    uid === null ? env.unauthenticatedContext().storage() : env.authenticatedContext(uid, claims).storage();

  describe("certificates", () => {
    it("the holder reads their certificate", () => assertSucceeds(getBytes(ref(storageAs(HOLDER), PATH))));
    it("the committee and the chair read it", async () => {
      await assertSucceeds(getBytes(ref(storageAs("c1", { role: "committee" }), PATH)));
      await assertSucceeds(getBytes(ref(storageAs("ch1", { role: "chair" }), PATH)));
    });
    it("another user, a grader and the public do not", async () => {
      await assertFails(getBytes(ref(storageAs("someone"), PATH)));
      await assertFails(getBytes(ref(storageAs("g1", { role: "grader" }), PATH)));
      await assertFails(getBytes(ref(storageAs(null), PATH)));
    });
    it("nobody writes or deletes a certificate from a client, not even the holder or the committee", async () => {
      for (const [uid, claims] of [
        [HOLDER, undefined],
        ["c1", { role: "committee" }],
        ["a1", { role: "admin" }],
      ] as const) {
        await assertFails(uploadBytes(ref(storageAs(uid, claims), PATH), realPdf(), pdf));
        await assertFails(
          uploadBytes(ref(storageAs(uid, claims), `certificates/${HOLDER}/forged.pdf`), realPdf(), pdf),
        );
        await assertFails(deleteObject(ref(storageAs(uid, claims), PATH)));
      }
    });
  });
});
