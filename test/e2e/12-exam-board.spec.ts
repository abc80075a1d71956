// The exam board's screens: sessions (an admin creates one; the committee is
// refused, in words), a past session's registrations and their export, the
// import of the sitting's files with a preview and line-numbered errors (the
// browser's and the server's), absences, runs (a pass mark that cannot be set
// is refused in words; a fixed percentage; an item removed), the checks, and
// the two-admin release: the preparer is refused the approval, another admin
// approves and sets the release date.
import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { adminDb } from "./fixtures.js";
import { BOARD, createBoardUsers } from "./board-users.js";
import { checkScreen, parisDay, signIn, signOut } from "./helpers.js";

test.describe.configure({ mode: "serial" });

const SITTING = parisDay(-10);
const SESSION = `cmr-${SITTING}`;
const NEW_SITTING = parisDay(150);
const ITEMS = Array.from({ length: 100 }, (_, i) => `Q${i + 1}`);
const CANDIDATES = [
  { uid: "e2e-rx-cand-1", family: "Curie", given: "Marie", status: "registered" },
  { uid: "e2e-rx-cand-2", family: "Bohr", given: "Niels", status: "registered" },
  { uid: "e2e-rx-cand-3", family: "Noether", given: "Emmy", status: "registered" },
  { uid: "e2e-rx-cand-4", family: "Planck", given: "Max", status: "cancelled" },
];
const ABSENT = "e2e-rx-cand-3";

const csv = (rows: string[][]) => rows.map((r) => r.join(",")).join("\n") + "\n";
const answerKey = (items = ITEMS, bad: Record<number, string> = {}) =>
  csv([["item", "key"], ...items.map((item, i) => [item, bad[i] ?? "A"])]);
/** Candidate 1 answers every item right, candidate 2 the first half only. */
const responses = (bad: Record<number, string> = {}) => {
  let row = 0;
  const rows: string[][] = [["candidate", "item", "response"]];
  for (const [c, right] of [
    ["e2e-rx-cand-1", 100],
    ["e2e-rx-cand-2", 50],
  ] as const) {
    ITEMS.forEach((item, i) => rows.push([c, item, bad[row++] ?? (i < right ? "A" : "B")]));
  }
  return csv(rows);
};

async function choose(page: Page, kind: string, name: string, text: string) {
  await page.getByLabel("File", { exact: true }).selectOption({ label: kind });
  await page.getByLabel("CSV file").setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(text) });
}

test.beforeAll(async () => {
  const db = adminDb();
  await createBoardUsers();
  // A past sitting (createExamSession refuses past dates), as that callable writes it.
  await db.doc(`examSessions/${SESSION}`).set({
    sittingDate: SITTING,
    timeZone: "Europe/Paris",
    registrationOpens: parisDay(-100),
    registrationCloses: parisDay(-24),
    startWindow: {
      from: "11:00",
      to: "14:00",
      opensAt: `${SITTING}T10:00:00.000Z`,
      closesAt: `${SITTING}T13:00:00.000Z`,
    },
    title: "Board test sitting",
    resultsReleased: false,
    releaseDate: null,
    releasedOn: null,
    nextActionOn: null,
    createdBy: BOARD.admin.uid,
  });
  for (const c of CANDIDATES) {
    await db.doc(`examRegistrations/${SESSION}_${c.uid}`).set({
      sessionId: SESSION,
      uid: c.uid,
      status: c.status,
      familyName: c.family,
      givenNames: c.given,
      email: `${c.uid}@e2e.test`,
      sittingDate: SITTING,
      registeredOn: parisDay(-60),
      cancelledOn: c.status === "cancelled" ? parisDay(-50) : null,
    });
  }
});

test("an admin sees the sessions and creates one; a date in the past is refused first", async ({ page }) => {
  await signIn(page, BOARD.admin.email);
  await page.getByRole("link", { name: "Exam board" }).click();
  const sessions = page.getByRole("table", { name: "All exam sessions" });
  await expect(sessions.getByRole("row", { name: /Board test sitting/ })).toContainText("not released");

  await page.getByLabel("Sitting date").fill(parisDay(-1));
  await page.getByRole("button", { name: "Create the session" }).click();
  await expect(page.getByRole("alert")).toHaveText("The sitting date must be after today (Paris time).");

  await page.getByLabel("Sitting date").fill(NEW_SITTING);
  await page.getByLabel("Title (optional)").fill("Board-created sitting");
  await expect(page.locator("[data-plan]")).toContainText("start between 11:00 and 14:00 (Europe/Paris time)");
  await page.getByRole("button", { name: "Create the session" }).click();
  // The first callable of the run loads the functions in a new worker: slow on a busy machine.
  await expect(page.getByRole("status")).toContainText(`Session cmr-${NEW_SITTING} created`, { timeout: 120_000 });
  await expect(sessions.getByRole("row", { name: /Board-created sitting/ })).toContainText(NEW_SITTING);
  // Public at once, as the callable wrote it.
  expect((await adminDb().doc(`examSessions/cmr-${NEW_SITTING}`).get()).get("title")).toBe("Board-created sitting");
  await checkScreen(page, "exam-board-sessions");
  await signOut(page);
});

test("registrations and their export; the files imported with their errors shown by line", async ({ page }) => {
  await signIn(page, BOARD.admin.email);
  await page.goto(`/exam/board/${SESSION}`);
  const registrations = page.getByRole("table", { name: "Registrations" });
  await expect(registrations.getByRole("row")).toHaveCount(5);
  await expect(registrations.getByRole("row", { name: /Planck/ })).toContainText("cancelled on");

  await page.getByRole("button", { name: /Export the registrations/ }).click();
  await expect(page.getByRole("status").filter({ hasText: "Export ready: 3 active registration(s)." })).toBeVisible();
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: `Download ${SESSION}-registrations.csv` }).click();
  const exported = readFileSync((await (await download).path())!, "utf8")
    .trim()
    .split(/\r\n/);
  expect(exported[0]).toMatch(/^candidate_id,registration_id,family_name/);
  expect(exported.slice(1).map((l) => l.split(",")[2])).toEqual(["Bohr", "Curie", "Noether"]);

  // An answer key with 99 items and a key that is not an option: the browser's preview says where, and nothing is sent.
  await choose(page, "Answer key (item, key)", "key-bad.csv", answerKey(ITEMS.slice(0, 99), { 6: "F" }));
  const problems = page.getByRole("table", { name: "Problems in the file" });
  await expect(problems.getByRole("row", { name: /^8 / })).toBeVisible();
  await expect(page.getByRole("button", { name: "Import the file" })).toBeDisabled();
  await checkScreen(page, "exam-board-import-preview");

  await choose(page, "Answer key (item, key)", "key.csv", answerKey());
  await expect(page.locator("[data-preview]")).toContainText(
    "key.csv: 100 data row(s). The file passes the server's checks.",
  );
  await page.getByRole("button", { name: "Import the file" }).click();
  await expect(page.getByRole("status").filter({ hasText: "key.csv imported (100 row(s))" })).toBeVisible();

  // With the key known, the platform's export is checked in full in the browser: a bad response on line 5.
  await choose(page, "Platform export (candidate, item, response)", "export-bad.csv", responses({ 3: "Z" }));
  await expect(
    page.getByRole("table", { name: "Problems in the file" }).getByRole("row", { name: /^5 / }),
  ).toBeVisible();
  await choose(page, "Platform export (candidate, item, response)", "export.csv", responses());
  await page.getByRole("button", { name: "Import the file" }).click();
  await expect(page.getByRole("status").filter({ hasText: "export.csv imported (200 row(s))" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Imported files" })).toContainText(
    "Platform export (candidate, item, response): 2 row(s)",
  );

  // After a reload the stored key is the server's only: the server's line errors are shown.
  await page.reload();
  await choose(
    page,
    "Flagged items (item, reason)",
    "flagged.csv",
    csv([
      ["item", "reason"],
      ["Q7", "typo"],
      ["Q999", "?"],
    ]),
  );
  await expect(page.locator("[data-preview]")).toContainText("the server checks it against the stored answer key");
  await page.getByRole("button", { name: "Import the file" }).click();
  await expect(page.getByRole("alert")).toContainText(
    "Could not import flagged.csv: The flagged file was refused: line 3:",
  );
  await expect(
    page.getByRole("table", { name: "Problems the server found" }).getByRole("row", { name: /^3 / }),
  ).toBeVisible();
  await signOut(page);
});

test("absences, runs, pass mark, decisions and checks; the preparer cannot approve", async ({ page }) => {
  await signIn(page, BOARD.admin.email);
  await page.goto(`/exam/board/${SESSION}`);
  await page.getByLabel(/Registered candidates who did not sit/).fill(ABSENT);
  await page.getByRole("button", { name: "Record the absences" }).click();
  await expect(page.getByRole("status").filter({ hasText: "1 absence(s) recorded." })).toBeVisible();
  await expect(page.getByRole("list", { name: "Imported files" })).toContainText(`Absent: ${ABSENT}`);

  // The policy's pass mark is modified Angoff, and no ratings were imported: the server says so.
  await page.getByRole("button", { name: "Score the results (new run)" }).click();
  await expect(page.getByRole("alert")).toContainText("Could not score the results: The results cannot be scored:");

  await page.getByLabel("Method").selectOption("fixed-percentage");
  await page.getByLabel("Percentage").fill("60");
  await page.getByRole("button", { name: "Set the pass mark (new run)" }).click();
  const runs = page.getByRole("table", { name: "Scoring runs" });
  await expect(runs.getByRole("row")).toHaveCount(2);
  await expect(runs.getByRole("row", { name: /^1 / })).toContainText("1 / 2");

  await page.getByLabel("Item", { exact: true }).fill("Q100");
  await page.getByLabel("Reason").fill("two defensible answers");
  await page.getByRole("button", { name: "Add the decision" }).click();
  await expect(page.getByRole("list", { name: "Item decisions" })).toContainText(
    "Q100: remove (two defensible answers)",
  );
  await page.getByRole("button", { name: "Record the decisions (new run)" }).click();
  await expect(runs.getByRole("row")).toHaveCount(3);
  await expect(runs.getByRole("row", { name: /^2 / })).toContainText("removed Q100");

  await page.getByRole("button", { name: "Run the checks" }).click();
  await expect(page.locator("[data-verification]")).toHaveAttribute("data-verification", "true");

  await page.getByRole("button", { name: "Prepare the results" }).click();
  await expect(page.locator("[data-release]")).toContainText(`Prepared: by ${BOARD.admin.uid} (run 2)`);
  await expect(page.getByText("You prepared these results: another admin must approve them")).toBeVisible();
  await page.getByRole("button", { name: "Approve the results" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "You cannot approve the results: results are approved by an admin other than the one who prepared them.",
  );
  await checkScreen(page, "exam-board-session");
  await signOut(page);
});

test("another admin approves and sets the release date; the committee cannot create sessions", async ({ page }) => {
  await signIn(page, BOARD.admin2.email);
  await page.goto(`/exam/board/${SESSION}`);
  await page.getByRole("button", { name: "Approve the results" }).click();
  await expect(page.locator("[data-release]")).toContainText(`approved: by ${BOARD.admin2.uid} (run 2)`);
  await page.getByLabel("Release date").fill(parisDay(1));
  await page.getByRole("button", { name: "Set the release date" }).click();
  await expect(page.locator("[data-release]")).toContainText(`release date: ${parisDay(1)}`);
  expect((await adminDb().doc(`examSessions/${SESSION}`).get()).get("nextActionOn")).toBe(parisDay(1));
  await signOut(page);

  await signIn(page, BOARD.committee.email);
  await page.getByRole("link", { name: "Exam board" }).click();
  await page.getByLabel("Sitting date").fill(parisDay(200));
  await page.getByRole("button", { name: "Create the session" }).click();
  await expect(page.getByRole("alert")).toHaveText(
    "You cannot create this session: only the certification team (admin) creates exam sessions.",
  );
  await page.getByRole("link", { name: "Board test sitting" }).click();
  await expect(page.getByText("Only the certification team (admin) reads and exports registrations")).toBeVisible();
  await expect(page.locator("[data-release]")).toContainText(`release date: ${parisDay(1)}`);
  await checkScreen(page, "exam-board-committee");
  await signOut(page);
});
