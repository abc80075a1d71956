// storage.rules for evidence/{uid}/{evidenceId}/{fileName}. Runs only when
// the Storage emulator is available (availability.ts), with Firestore for
// the rules' firestore.get()/exists().
import { readFileSync } from "node:fs";
import { join } from "node:path";
import {
  assertFails,
  assertSucceeds,
  initializeTestEnvironment,
  type RulesTestEnvironment,
} from "@firebase/rules-unit-testing";
import { doc, setDoc } from "firebase/firestore";
import { deleteObject, getBytes, ref, uploadBytes } from "firebase/storage";
import { afterAll, beforeAll, beforeEach, describe, it } from "vitest";
import { realPdf } from "../factories/files.js";
import { skipStorageRules, storageSuiteName } from "./availability.js";

const root = join(import.meta.dirname, "..", "..");
let env: RulesTestEnvironment;
const OWNER = "cand-owner";
const PATH = `evidence/${OWNER}/ev-1/certificate.pdf`;
const pdf = { contentType: "application/pdf" };

// Skipped, with the reason in its name, where the Storage emulator is absent
// (availability.ts).
describe.skipIf(skipStorageRules)(storageSuiteName("storage.rules: evidence"), () => {
  beforeAll(async () => {
    env = await initializeTestEnvironment({
      projectId: "demo-cmr-storage-rules",
      storage: { rules: readFileSync(join(root, "storage.rules"), "utf8") },
      firestore: { rules: readFileSync(join(root, "firestore.rules"), "utf8") },
    });
  });
  afterAll(() => env.cleanup());
  beforeEach(async () => {
    await env.clearStorage();
    await env.clearFirestore();
    await env.withSecurityRulesDisabled(async (c) => {
      await uploadBytes(ref(c.storage(), PATH), realPdf(), pdf);
      await setDoc(doc(c.firestore(), "applications/app-1"), {
        ownerUid: OWNER,
        graderUids: ["grader-1"],
        status: "submitted",
      });
    });
  });

  const storageAs = (uid: string | null, claims?: Record<string, unknown>) =>
    uid === null ? env.unauthenticatedContext().storage() : env.authenticatedContext(uid, claims).storage();
  const setRecord = (data: object) =>
    env.withSecurityRulesDisabled((c) => setDoc(doc(c.firestore(), `users/${OWNER}/evidence/ev-1`), data));
  const markSubmitted = (submittedIn: unknown = ["app-1"]) => setRecord({ status: "accepted", submittedIn });
  const setUsage = (count: number, bytes: number) =>
    env.withSecurityRulesDisabled((c) =>
      setDoc(doc(c.firestore(), `evidenceUsage/${OWNER}`), { count, bytes, objects: {} }),
    );
  const uploadAs = (uid: string, path: string, bytes: Uint8Array = realPdf()) =>
    uploadBytes(ref(storageAs(uid), path), bytes, pdf);

  describe("evidence uploads", () => {
    it("the owner can upload a PDF to their own path", () =>
      assertSucceeds(uploadAs(OWNER, `evidence/${OWNER}/ev-2/c.pdf`)));
    it("another candidate cannot upload to the owner's path", () =>
      assertFails(uploadAs("cand-other", `evidence/${OWNER}/ev-2/c.pdf`)));
    it("the owner cannot upload a text file", () =>
      assertFails(
        uploadBytes(ref(storageAs(OWNER), `evidence/${OWNER}/ev-2/c.txt`), Buffer.from("x"), {
          contentType: "text/plain",
        }),
      ));
    it("the owner cannot upload more than 10 MB", () =>
      assertFails(uploadAs(OWNER, `evidence/${OWNER}/ev-2/c.pdf`, Buffer.alloc(10 * 1024 * 1024 + 1))));
    it("the owner can upload exactly 10 MB", () =>
      assertSucceeds(uploadAs(OWNER, `evidence/${OWNER}/ev-2/c.pdf`, Buffer.alloc(10 * 1024 * 1024))));
    it("the owner can replace evidence not yet submitted", () => assertSucceeds(uploadAs(OWNER, PATH)));
    it("the owner cannot replace evidence of a submitted application", async () => {
      await markSubmitted();
      await assertFails(uploadAs(OWNER, PATH));
    });
    it("the owner cannot add a second file under an evidence id frozen by a submission", async () => {
      await markSubmitted();
      await assertFails(uploadAs(OWNER, `evidence/${OWNER}/ev-1/second.pdf`));
    });
    it("the owner can add a second file under an evidence id no submission froze", async () => {
      await markSubmitted([]);
      await assertSucceeds(uploadAs(OWNER, `evidence/${OWNER}/ev-1/second.pdf`));
    });
    it("the owner cannot add a file under an id frozen the old way (a single application id)", async () => {
      await markSubmitted("app-1");
      await assertFails(uploadAs(OWNER, `evidence/${OWNER}/ev-1/second.pdf`));
    });
    it("the owner cannot delete evidence of a submitted application", async () => {
      await markSubmitted();
      await assertFails(deleteObject(ref(storageAs(OWNER), PATH)));
    });
    it("the owner can delete evidence no submission froze", async () => {
      await markSubmitted([]);
      await assertSucceeds(deleteObject(ref(storageAs(OWNER), PATH)));
    });
  });

  describe("names and per-user limits", () => {
    it("the owner cannot use an evidence id of 65 characters", () =>
      assertFails(uploadAs(OWNER, `evidence/${OWNER}/${"e".repeat(65)}/c.pdf`)));
    it("the owner can use an evidence id of 64 characters", () =>
      assertSucceeds(uploadAs(OWNER, `evidence/${OWNER}/${"e".repeat(64)}/c.pdf`)));
    it("the owner cannot use an evidence id with a dot", () =>
      assertFails(uploadAs(OWNER, `evidence/${OWNER}/ev.2/c.pdf`)));
    it("the owner cannot use a file name of 121 characters", () =>
      assertFails(uploadAs(OWNER, `evidence/${OWNER}/ev-2/${"c".repeat(117)}.pdf`)));
    it("the owner can use a file name of 120 characters", () =>
      assertSucceeds(uploadAs(OWNER, `evidence/${OWNER}/ev-2/${"c".repeat(116)}.pdf`)));
    it("the owner cannot upload a 101st object", async () => {
      await setUsage(100, 1000);
      await assertFails(uploadAs(OWNER, `evidence/${OWNER}/ev-2/c.pdf`));
    });
    it("the owner can upload a 100th object", async () => {
      await setUsage(99, 1000);
      await assertSucceeds(uploadAs(OWNER, `evidence/${OWNER}/ev-2/c.pdf`));
    });
    it("the owner cannot go over 250 MB in all", async () => {
      await setUsage(1, 250 * 1024 * 1024 - realPdf().length + 1);
      await assertFails(uploadAs(OWNER, `evidence/${OWNER}/ev-2/c.pdf`));
    });
    it("the owner can reach 250 MB in all exactly", async () => {
      await setUsage(1, 250 * 1024 * 1024 - realPdf().length);
      await assertSucceeds(uploadAs(OWNER, `evidence/${OWNER}/ev-2/c.pdf`));
    });
  });

  describe("reading evidence", () => {
    it("the owner can read it", () => assertSucceeds(getBytes(ref(storageAs(OWNER), PATH))));
    it("a committee member can read it", () =>
      assertSucceeds(getBytes(ref(storageAs("c", { role: "committee" }), PATH))));
    it("the grader assigned to the application can read it", async () => {
      await markSubmitted();
      await assertSucceeds(getBytes(ref(storageAs("grader-1", { role: "grader" }), PATH)));
    });
    it("the grader of each application that submitted the file can read it", async () => {
      await env.withSecurityRulesDisabled(async (c) => {
        for (const [id, grader] of [
          ["app-2", "grader-2"],
          ["app-3", "grader-3"],
        ]) {
          await setDoc(doc(c.firestore(), `applications/${id}`), {
            ownerUid: OWNER,
            graderUids: [grader],
            status: "submitted",
          });
        }
      });
      await markSubmitted(["app-1", "app-2", "app-3"]);
      for (const grader of ["grader-1", "grader-2", "grader-3"]) {
        await assertSucceeds(getBytes(ref(storageAs(grader, { role: "grader" }), PATH)));
      }
    });
    it("a grader not assigned cannot read it", async () => {
      await markSubmitted();
      await assertFails(getBytes(ref(storageAs("grader-2", { role: "grader" }), PATH)));
    });
    it("another candidate cannot read it", () => assertFails(getBytes(ref(storageAs("cand-other"), PATH))));
    it("a signed-out visitor cannot read it", () => assertFails(getBytes(ref(storageAs(null), PATH))));
  });
});
