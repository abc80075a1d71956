import { describe, expect, it } from "vitest";
import { validateApplication } from "../../functions/src/domain/index.js";
import { makeBundle, makeCase } from "../factories/bundle.js";
import { adminDb, reportOf, seedApplication, today, waitFor } from "./helpers.js";

const db = adminDb();

describe("live revalidation through the Functions emulator", () => {
  it("a write to the logbook makes the trigger write the engine's report", async () => {
    const bundle = makeBundle("level2");
    const { appId } = await seedApplication(db, bundle);
    const expected = validateApplication({ ...bundle, asOf: today() });
    const report = await waitFor(
      () => reportOf(db, appId),
      (r) => r?.summary?.casesCounted === 150,
      { what: "the report of 150 cases" },
    );
    expect(report?.eligible).toBe(true);
    expect(report?.findings).toEqual(expected.findings);
    expect(report?.requirements).toEqual(expected.requirements);

    await db
      .doc(`applications/${appId}/cases/extra`)
      .set({ ...makeCase(900, { studyDate: "2025-09-01" }), role: "observer" });
    const updated = await waitFor(
      () => reportOf(db, appId),
      (r) => (r?.findings ?? []).some((f: { code: string }) => f.code === "CASE_ROLE_NOT_ACCEPTED"),
      { what: "the observer case to be reported" },
    );
    expect(updated?.findings.map((f: { caseIds?: string[] }) => f.caseIds)).toEqual([["extra"]]);
  });
});
