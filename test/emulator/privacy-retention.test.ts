// The retention job and the erasure service against the Firestore emulator,
// in a project of their own (no trigger fires there), with a chosen "today"
// and a recording file store (the Storage emulator does not run on these
// machines; production uses the default bucket).
import { Timestamp } from "firebase-admin/firestore";
import { beforeAll, describe, expect, it } from "vitest";
import { addDaysIso, addMonthsIso, toDate } from "../../functions/src/platform/domain/dates.js";
import { DEFAULT_POLICY } from "../../functions/src/platform/domain/policy.js";
import { eraseOnRequest } from "../../functions/src/privacy/erasure-request.js";
import { runRetentionJob } from "../../functions/src/privacy/retention-job.js";
import { adminDb, today } from "./helpers.js";

const db = adminDb("demo-cmr-privacy");
const r = DEFAULT_POLICY.retention;
/** Far enough ahead that every document written now has been inactive for 36 months and a day. */
const DAY = addDaysIso(addMonthsIso(today(), r.inactiveDraftMonths), 1);
const at = (day: string) => Timestamp.fromDate(new Date(`${day}T12:00:00.000Z`));

function recordingFiles(failing: string[] = []) {
  const deleted: string[] = [];
  return {
    deleted,
    delete: async (path: string) => {
      if (failing.includes(path)) throw new Error("storage unavailable");
      deleted.push(path);
    },
  };
}

async function clearProject() {
  const host = process.env.FIRESTORE_EMULATOR_HOST;
  await fetch(`http://${host}/emulator/v1/projects/demo-cmr-privacy/databases/(default)/documents`, {
    method: "DELETE",
  });
}

const exists = async (path: string) => (await db.doc(path).get()).exists;

describe("the daily retention job", () => {
  const files = recordingFiles();
  let stats: Awaited<ReturnType<typeof runRetentionJob>>;

  beforeAll(async () => {
    await clearProject();
    const app = (id: string, data: object) =>
      db.doc(`applications/${id}`).set({ ownerUid: "cand", route: "level2", supervisorIds: [], ...data });
    // Withdrawn 12 months ago exactly (goes) and a day less (stays).
    await app("withdrawn-old", { status: "withdrawn", withdrawnAt: at(addMonthsIso(DAY, -12)) });
    await db.doc("applications/withdrawn-old/cases/c1").set({ patientRef: "S-1" });
    await app("withdrawn-recent", { status: "withdrawn", withdrawnAt: at(addDaysIso(addMonthsIso(DAY, -12), 1)) });
    // Closed by the deadline 12 months ago (goes) and a day less (stays).
    await app("closed-old", { status: "expired", expiredOn: addMonthsIso(DAY, -12) });
    await app("closed-recent", { status: "expired", expiredOn: addDaysIso(addMonthsIso(DAY, -12), 1) });
    // A draft untouched for 36 months and a day (goes); one whose logbook was judged recently (stays).
    await app("draft-abandoned", { status: "draft" });
    await app("draft-active", { status: "draft" });
    await db.doc("revalidationState/draft-active").set({ judgedUpTo: at(addDaysIso(DAY, -3)) });
    await db.doc("revalidationState/draft-abandoned").set({ stats: { computations: 1 } });
    // Submitted applications are not the job's to erase; decided ones go 10 years after the decision.
    await app("submitted", { status: "submitted" });
    await app("passed", { status: "passed", decidedOn: addDaysIso(addMonthsIso(DAY, -12 * r.decisionYears), 1) });
    await app("failed-old", { status: "failed", decidedOn: addMonthsIso(DAY, -12 * r.decisionYears) });
    await db.doc("gradings/failed-old").set({ applicationId: "failed-old", status: "decided" });
    await db.doc("gradings/failed-old/grades/1-g1").set({ graderUid: "g1", overall: "fail" });
    // Evidence: unreferenced 30 days (goes) / 29 days (stays), referenced, frozen, rejected and old (goes).
    await db.doc("users/cand").set({ displayName: "C", acls: { kind: "certificate", evidenceId: "ev-acls" } });
    await db.doc("applications/draft-active/cme/e1").set({ title: "EuroCMR", certificateId: "ev-cme" });
    const evidence = (id: string, days: number, extra: object = {}) =>
      db.doc(`users/cand/evidence/${id}`).set({
        status: "accepted",
        path: `evidence/cand/${id}/file.pdf`,
        checkedAt: at(addDaysIso(DAY, -days)),
        ...extra,
      });
    await evidence("ev-old", 30);
    await evidence("ev-recent", 29);
    await evidence("ev-cme", 400);
    await evidence("ev-acls", 400);
    await evidence("ev-frozen", 400, { submittedIn: "submitted" });
    await evidence("ev-rejected", 31, { status: "rejected", path: `quarantine/evidence/cand/ev-rejected/x.exe` });
    stats = await runRetentionJob(db, DAY, DEFAULT_POLICY, files);
  });

  it("erases withdrawn applications and closed drafts once their retention has passed, with their logbook", async () => {
    expect(await exists("applications/withdrawn-old")).toBe(false);
    expect(await exists("applications/withdrawn-old/cases/c1")).toBe(false);
    expect(await exists("applications/closed-old")).toBe(false);
    expect(await exists("applications/withdrawn-recent")).toBe(true);
    expect(await exists("applications/closed-recent")).toBe(true);
  });

  it("erases a draft inactive for 36 months, and its bookkeeping; keeps one with recent activity", async () => {
    expect(await exists("applications/draft-abandoned")).toBe(false);
    expect(await exists("revalidationState/draft-abandoned")).toBe(false);
    expect(await exists("applications/draft-active")).toBe(true);
  });

  it("never erases a submitted application; a decided one goes 10 years after the decision, with its grading record", async () => {
    expect(await exists("applications/submitted")).toBe(true);
    expect(await exists("applications/passed")).toBe(true);
    expect(await exists("applications/failed-old")).toBe(false);
    expect(await exists("gradings/failed-old")).toBe(false);
    expect(await exists("gradings/failed-old/grades/1-g1")).toBe(false);
  });

  it("erases evidence unreferenced for 30 days, file first; keeps what is referenced or submitted", async () => {
    expect(await exists("users/cand/evidence/ev-old")).toBe(false);
    expect(await exists("users/cand/evidence/ev-rejected")).toBe(false);
    expect(files.deleted.sort()).toEqual([
      "evidence/cand/ev-old/file.pdf",
      "quarantine/evidence/cand/ev-rejected/x.exe",
    ]);
    for (const id of ["ev-recent", "ev-cme", "ev-acls", "ev-frozen"]) {
      expect(await exists(`users/cand/evidence/${id}`), id).toBe(true);
    }
  });

  it("writes one audit record per erasure, with the path and the reason only", async () => {
    const audit = (await db.collection("privacyAudit").get()).docs.map((d) => d.data());
    expect(audit.map((a) => a.erased[0].path).sort()).toEqual(
      [
        "applications/closed-old",
        "applications/draft-abandoned",
        "applications/failed-old",
        "applications/withdrawn-old",
        "users/cand/evidence/ev-old",
        "users/cand/evidence/ev-rejected",
      ].sort(),
    );
    for (const a of audit) {
      expect(a).toMatchObject({ kind: "retention", day: DAY, kept: [] });
      expect(a.erased[0].reason).toMatch(/retention ended on \d{4}-\d{2}-\d{2}/);
      expect(a.expireAt.toDate().getTime()).toBeGreaterThan(toDate(addMonthsIso(today(), 12 * 9)).getTime());
    }
    expect(stats.transitions).toBe(6);
    expect(stats.failures).toBe(0);
  });

  it("a second run the same day erases nothing more", async () => {
    const again = await runRetentionJob(db, DAY, DEFAULT_POLICY, recordingFiles());
    expect(again.transitions).toBe(0);
    expect((await db.collection("privacyAudit").get()).size).toBe(6);
  });

  it("a file that cannot be deleted keeps its record, and the job reports the failure for the retry", async () => {
    await db.doc("users/cand/evidence/ev-stuck").set({
      status: "accepted",
      path: "evidence/cand/ev-stuck/f.pdf",
      checkedAt: at(addDaysIso(DAY, -40)),
    });
    const result = await runRetentionJob(db, DAY, DEFAULT_POLICY, recordingFiles(["evidence/cand/ev-stuck/f.pdf"]));
    expect(result.failures).toBe(1);
    expect(await exists("users/cand/evidence/ev-stuck")).toBe(true);
  });
});

describe("an erasure request's evidence", () => {
  it("erases every file not part of a submission, and keeps the frozen one with its reason", async () => {
    await clearProject();
    await db.doc("users/cand2").set({ displayName: "C2", email: "c2@example.org" });
    const evidence = (id: string, extra: object = {}) =>
      db.doc(`users/cand2/evidence/${id}`).set({
        status: "accepted",
        path: `evidence/cand2/${id}/f.pdf`,
        checkedAt: Timestamp.now(),
        ...extra,
      });
    await evidence("ev-a");
    await evidence("ev-b");
    await evidence("ev-frozen", { submittedIn: ["app-1"] });
    const files = recordingFiles(["evidence/cand2/ev-b/f.pdf"]);
    const outcome = await eraseOnRequest(db, files, "cand2", today(), DEFAULT_POLICY);
    expect(files.deleted).toEqual(["evidence/cand2/ev-a/f.pdf"]);
    expect(await exists("users/cand2/evidence/ev-a")).toBe(false);
    const kept = Object.fromEntries(outcome.kept.map((k) => [k.path, k.reason]));
    expect(kept["users/cand2/evidence/ev-frozen"]).toContain("submitted application");
    expect(kept["users/cand2/evidence/ev-b"]).toContain("retention job");
    expect(await exists("users/cand2/evidence/ev-b")).toBe(true);
  });
});
