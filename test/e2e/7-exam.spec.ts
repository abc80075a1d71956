// The written exam: the public list of upcoming sessions, a candidate's
// registration and cancellation while registration is open (the callables),
// and their results with the certificate of completion (the real trigger).
import { expect, test } from "@playwright/test";
import { USERS, adminDb } from "./fixtures.js";
import { checkScreen, parisDay, signIn, signOut } from "./helpers.js";

test.describe.configure({ mode: "serial" });

/** A session as createExamSession writes it, with its windows shifted around today. */
function session(sitting: number, opens: number, closes: number, title: string) {
  const sittingDate = parisDay(sitting);
  return {
    id: `cmr-${sittingDate}`,
    data: {
      sittingDate,
      timeZone: "Europe/Paris",
      registrationOpens: parisDay(opens),
      registrationCloses: parisDay(closes),
      // Wall-clock times in Paris, and the same instants in UTC (winter: UTC+1).
      startWindow: {
        from: "09:00",
        to: "17:00",
        opensAt: `${sittingDate}T08:00:00.000Z`,
        closesAt: `${sittingDate}T16:00:00.000Z`,
      },
      title,
      resultsReleased: false,
      releaseDate: null,
      releasedOn: null,
      nextActionOn: null,
      createdBy: "e2e-admin",
    },
  };
}

const OPEN = session(30, -60, 16, "Autumn sitting");
const LATER = session(150, 60, 136, "Spring sitting");
const PAST = session(-3, -100, -17, "Past sitting");

test.beforeAll(async () => {
  const db = adminDb();
  await Promise.all([OPEN, LATER, PAST].map((s) => db.doc(`examSessions/${s.id}`).set(s.data)));
});

test("the public sees the upcoming sessions and their registration windows", async ({ page }) => {
  await page.goto("/exam");
  const table = page.getByRole("table", { name: "Upcoming exam sessions" });
  await expect(table.getByRole("row")).toHaveCount(3); // header + the two upcoming ones
  await expect(table.getByRole("row", { name: /Autumn sitting/ })).toContainText("registration open");
  await expect(table.getByRole("row", { name: /Spring sitting/ })).toContainText("registration not open yet");
  await expect(table.getByRole("row", { name: /Autumn sitting/ })).toContainText("09:00 to 17:00 (Europe/Paris time)");
  await expect(table).not.toContainText("Past sitting");
  await expect(page.getByRole("link", { name: "Sign in", exact: true }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: /Register for/ })).toHaveCount(0);
  await checkScreen(page, "exam-sessions-public");
});

test("a candidate registers while registration is open, and cancels", async ({ page }) => {
  const registration = () => adminDb().doc(`examRegistrations/${OPEN.id}_${USERS.bob.uid}`);
  await signIn(page, USERS.bob.email);
  await page.getByRole("link", { name: "Exam" }).click();
  const open = page.getByRole("region", { name: "Autumn sitting" });
  const later = page.getByRole("region", { name: "Spring sitting" });
  await expect(open).toContainText("You are not registered.");
  // Registration has not opened for the later session: no form, the opening day instead.
  await expect(later).toContainText(`Registration opens on ${LATER.data.registrationOpens}.`);
  await expect(later.getByRole("button")).toHaveCount(0);

  // Names are required (checked in the browser before calling).
  await open.getByRole("button", { name: `Register for the exam of ${OPEN.data.sittingDate}` }).click();
  await expect(open.getByRole("alert")).toHaveText("Give your family name and given names as on your passport.");
  await open.getByLabel("Family name (as on your passport)").fill("Candidate");
  await open.getByLabel("Given names").fill("Bob");
  await open.getByRole("button", { name: `Register for the exam of ${OPEN.data.sittingDate}` }).click();
  await expect(open.getByRole("status")).toHaveText(`You are registered for the exam of ${OPEN.data.sittingDate}.`);
  await expect(open).toHaveAttribute("data-registration-status", "registered");
  await expect(open).toContainText("as Candidate, Bob");
  expect((await registration().get()).data()).toMatchObject({ status: "registered", familyName: "Candidate" });
  await checkScreen(page, "exam-registered");

  page.once("dialog", (dialog) => dialog.accept());
  await open.getByRole("button", { name: `Cancel my registration for ${OPEN.data.sittingDate}` }).click();
  await expect(open.getByRole("status")).toHaveText(
    `Your registration for the exam of ${OPEN.data.sittingDate} is cancelled.`,
  );
  await expect(open).toHaveAttribute("data-registration-status", "cancelled");
  expect((await registration().get()).data()?.status).toBe("cancelled");
  // Registering again after a cancellation is allowed while the window is open.
  await open.getByRole("button", { name: `Register for the exam of ${OPEN.data.sittingDate}` }).click();
  await expect(open).toHaveAttribute("data-registration-status", "registered");
  await signOut(page);
});

test("a refusal of the server is shown in words: no physician registration", async ({ page }) => {
  const profile = adminDb().doc(`users/${USERS.supervisor.uid}`);
  await signIn(page, USERS.supervisor.email);
  await page.goto("/exam");
  const open = page.getByRole("region", { name: "Autumn sitting" });
  await open.getByLabel("Family name (as on your passport)").fill("Supervisor");
  await open.getByLabel("Given names").fill("Sam");
  await open.getByRole("button", { name: /Register for the exam/ }).click();
  await expect(open.getByRole("alert")).toHaveText(
    `Could not register for the exam of ${OPEN.data.sittingDate}: Your profile holds no physician registration: ` +
      "add it (with its validity date) before registering for the exam.",
  );
  expect((await profile.get()).data()?.physicianRegistration).toBeUndefined();
  await signOut(page);
});

test("the candidate sees their results and the certificate of completion", async ({ page }) => {
  const db = adminDb();
  // As the release job writes them: a failed sitting, then a pass (the trigger issues its certificate).
  await db.doc(`examResults/${PAST.id}_${USERS.bob.uid}`).set({
    uid: USERS.bob.uid,
    passed: true,
    status: "passed",
    sittingDate: PAST.data.sittingDate,
    resultDate: parisDay(0),
    sessionId: PAST.id,
    score: 71,
    maxScore: 100,
    passMark: 62,
    runId: "1",
  });
  await db.doc(`examResults/e2e-older_${USERS.bob.uid}`).set({
    uid: USERS.bob.uid,
    passed: false,
    status: "failed",
    sittingDate: "2025-06-13",
    resultDate: "2025-07-25",
    sessionId: "cmr-2025-06-13",
    score: 50,
    maxScore: 100,
    passMark: 61,
    runId: "2",
  });
  await signIn(page, USERS.bob.email);
  await page.goto("/exam");
  const results = page.getByRole("table", { name: "Your exam results" });
  const passed = results.getByRole("row", { name: new RegExp(PAST.data.sittingDate) });
  await expect(passed).toContainText("passed");
  await expect(passed).toContainText("71 / 100 (pass mark 62)");
  // No Storage emulator here: the certificate is issued and e-mailed, not stored.
  await expect(passed).toContainText("issued and sent to you by e-mail");
  const failed = results.getByRole("row", { name: /2025-06-13/ });
  await expect(failed).toContainText("not passed");
  await expect(failed).toContainText("none");
  await checkScreen(page, "exam-results");
  await signOut(page);

  // Another candidate does not see them (the rules and the screen agree).
  await signIn(page, USERS.alice.email);
  await page.goto("/exam");
  await expect(page.getByRole("table", { name: "Your exam results" })).not.toContainText("71 / 100");
  await signOut(page);
});
