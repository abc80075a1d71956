// The three daily jobs as the deployed functions, on the emulators: loaded as
// scheduled functions through the Pub/Sub emulator, and run the way Cloud
// Scheduler runs them (scripts/lib/scheduler.mjs), for a chosen day. Where the
// Pub/Sub emulator is not installed the functions are not loaded and
// scripts/emulators.mjs says so; these tests then do not run.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { addMonthsIso } from "../../functions/src/platform/domain/dates.js";
import { runScheduledFunction } from "../../scripts/lib/scheduler.mjs";
import { adminDb, PROJECT_ID, today, uniqueId, waitFor } from "./helpers.js";

const db = adminDb();
const pubsub = process.env.PUBSUB_EMULATOR_HOST;
const host = process.env.FUNCTIONS_EMULATOR_HOST ?? "127.0.0.1:5001";
const JOBS = [
  "recertificationReminders",
  "logbookDeadlines",
  "committeeDigest",
  "retentionJob",
  // exam (issue 12)
  "examResultsRelease",
];

const run = (name: string, day: string) => runScheduledFunction({ host, project: PROJECT_ID, name, day });
const exists = async (path: string) => (await db.doc(path).get()).exists;

const node = (...args: string[]) =>
  promisify(execFile)(process.execPath, args, { env: { ...process.env, SEED_WAIT_FOR_TRIGGERS: "true" } });

describe.runIf(pubsub)("the scheduled functions on the emulators", () => {
  it("the README's demo: the seed, then `npm run job -- recertification 2027-03-01`, expires the demo certification", async () => {
    // What `npm start` runs once the triggers are loaded; it waits until they have processed the seed.
    const day = today();
    const seeded = await node("scripts/seed.mjs");
    expect(seeded.stdout).toContain(`the certification is due on ${day}`);
    const ran = await node("scripts/run-job.mjs", "recertification", "2027-03-01");
    expect(ran.stdout).toContain("ran for 2027-03-01");
    expect((await db.doc("certifications/demo-supervisor-l3").get()).get("status")).toBe("expired");
    expect(await exists("mail/recert-demo-supervisor-l3-m+0")).toBe(true);
    // exam (issue 12): the seed's upcoming session is public and open for registration.
    const sessions = await db.collection("examSessions").where("sittingDate", ">", day).get();
    expect(seeded.stdout).toMatch(/exam session cmr-\d{4}-\d{2}-\d{2}/);
    expect(sessions.docs.some((d) => d.get("registrationOpens") <= day && day <= d.get("registrationCloses"))).toBe(
      true,
    );
  });

  it("the daily jobs are initialised as Pub/Sub-scheduled functions", async () => {
    const listed = (await (await fetch(`http://${pubsub}/v1/projects/${PROJECT_ID}/topics`)).json()) as {
      topics?: { name: string }[];
    };
    const topics = (listed.topics ?? []).map((t) => t.name.split("/").at(-1));
    expect(topics).toEqual(expect.arrayContaining(JOBS.map((name) => `firebase-schedule-${name}`)));
  });

  it("a run triggered as Cloud Scheduler does works on the chosen day: a reminder, then the expiry", async () => {
    const uid = uniqueId("holder");
    const certId = uniqueId("cert");
    const expiresOn = "2031-05-20";
    const day = today();
    await db.doc(`users/${uid}`).set({ displayName: uid, email: `${uid}@example.org`, membership: "silver" });
    await db.doc(`certifications/${certId}`).set({ uid, level: 2, expiresOn, status: "active" });
    // The scheduling trigger puts a new certification on today's schedule.
    await waitFor(
      async () => (await db.doc(`certifications/${certId}`).get()).get("nextActionOn"),
      (next) => next === day,
      { what: "the certification to be scheduled", timeoutMs: 60_000 },
    );

    const sixMonthsBefore = addMonthsIso(expiresOn, -6);
    expect((await run("recertificationReminders", sixMonthsBefore)).status).toBe(200);
    expect(await exists(`mail/recert-${certId}-m-6`)).toBe(true);
    expect(await exists(`mail/recert-${certId}-m+0`)).toBe(false);
    const after = (await db.doc(`certifications/${certId}`).get()).data();
    expect(after).toMatchObject({ status: "active", nextActionOn: addMonthsIso(expiresOn, -3) });

    expect((await run("recertificationReminders", expiresOn)).status).toBe(200);
    expect(await exists(`mail/recert-${certId}-m+0`)).toBe(true);
    expect((await db.doc(`certifications/${certId}`).get()).get("status")).toBe("expired");

    // The same run again (a retry, or a second trigger) sends nothing twice.
    const mailsAbout = async () =>
      (await db.collection("mail").get()).docs.map((d) => d.id).filter((id) => id.startsWith(`recert-${certId}-`));
    const sent = await mailsAbout();
    expect(sent.sort()).toEqual([`recert-${certId}-m+0`, `recert-${certId}-m-6`]);
    expect((await run("recertificationReminders", expiresOn)).status).toBe(200);
    expect((await mailsAbout()).sort()).toEqual(sent);
  });

  // One test a job: each run walks every document due in the shared emulator project.
  it.each(["logbookDeadlines", "committeeDigest", "examResultsRelease"])(
    "the daily job %s answers as Cloud Scheduler expects",
    async (name) => {
      expect((await run(name, "2031-05-20")).status, name).toBe(200);
    },
  );
  it("the retention job answers as Cloud Scheduler expects", async () => {
    // Today: no evidence file is old enough to need the Storage emulator, which does not run here.
    expect((await run("retentionJob", today())).status).toBe(200);
  });
});
