// Certifications and exam results get their first `nextActionOn` from a
// trigger in the Functions emulator, and again when a date they depend on changes.
// Each test reads "today" once, at its start (the day the trigger is expected to use).
import { describe, expect, it } from "vitest";
import { adminDb, today, uniqueId, waitFor } from "./helpers.js";

const db = adminDb();

describe("scheduling dated documents", () => {
  it("a new certification is due today, so the next daily run plans it", async () => {
    const day = today();
    const ref = db.doc(`certifications/${uniqueId("cert")}`);
    await ref.set({ uid: "u", level: 2, expiresOn: "2031-01-01", status: "active" });
    const next = await waitFor(
      async () => (await ref.get()).get("nextActionOn"),
      (v) => v !== undefined,
      {
        what: "nextActionOn",
      },
    );
    expect(next).toBe(day);
  });

  it("a granted extension makes it due again; the job's own writes do not", async () => {
    const day = today();
    const ref = db.doc(`certifications/${uniqueId("cert")}`);
    await ref.set({ uid: "u", level: 2, expiresOn: "2031-01-01", status: "active", nextActionOn: "2030-07-01" });
    await waitFor(
      async () => (await ref.get()).get("nextActionOn"),
      (v) => v === day,
      { what: "the first scheduling" },
    );
    // What the daily job writes: status and nextActionOn.
    await ref.update({ status: "expired", nextActionOn: "2031-04-01" });
    await ref.update({ extensionGrantedUntil: "2031-12-31" });
    await waitFor(
      async () => (await ref.get()).get("nextActionOn"),
      (v) => v === day,
      { what: "rescheduling" },
    );
    await ref.update({ nextActionOn: "2031-04-01", status: "lapsed" });
    const marker = db.doc(`certifications/${uniqueId("cert")}`);
    await marker.set({ uid: "u", level: 2, expiresOn: "2031-01-01", status: "active" });
    // Triggers run in order: once the later document is scheduled, the job-like write was seen and ignored.
    await waitFor(
      async () => (await marker.get()).get("nextActionOn"),
      (v) => v === day,
      { what: "the marker" },
    );
    expect((await ref.get()).get("nextActionOn")).toBe("2031-04-01");
  });

  it("an exam result is scheduled when it is created", async () => {
    const day = today();
    const ref = db.doc(`examResults/${uniqueId("exam")}`);
    await ref.set({ uid: "u", passed: true, sittingDate: "2025-11-07", resultDate: "2025-12-19", status: "passed" });
    await waitFor(
      async () => (await ref.get()).get("nextActionOn"),
      (v) => v === day,
      { what: "nextActionOn" },
    );
  });
});
