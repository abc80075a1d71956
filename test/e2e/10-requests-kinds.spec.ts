// The request kinds the browser gained after 8-requests: a candidate asks
// for remote supervision (the seven items, the dates, a Level 3 supervisor
// from the registry) and reports special circumstances with an attachment;
// the grading history of their failed logbook reads in the order it happened
// although one commit wrote several of its events, and they appeal it from
// there; the remote supervisor reads the request in their supervision area
// and adds their one statement; the chair asks for changes, the candidate
// resends, the chair approves the remote supervision.
import { getAuth } from "firebase-admin/auth";
import { FieldValue } from "firebase-admin/firestore";
import { expect, test, type Locator, type Page } from "@playwright/test";
import { PASSWORD, SUPERVISOR_NAME, USERS, acceptedEvidence, adminDb } from "./fixtures.js";
import { checkScreen, parisDay, signIn, signOut } from "./helpers.js";

// Every callable here is a worker the Functions emulator starts cold; on a loaded machine that
// alone has taken over 30 s, so the steps that wait for a callable's outcome wait longer.
test.describe.configure({ mode: "serial", timeout: 480_000 });
const CALLABLE = { timeout: 120_000 };

const CAROL = { uid: "e2e-carol", email: "carol@e2e.test", displayName: "Carol Candidate" };
const DRAFT = "e2e-app-carol-draft";
const FAILED = "e2e-app-carol-failed";
const LETTER = "e2e-carol-letter";
/** In the registry, but their Level 3 ended: not offered as a remote supervisor. */
const LAPSED = { uid: "e2e-lapsed-supervisor", name: "Luke Lapsed" };
const STATEMENT = "I will review her studies every week and sign off the reports with her.";
const REMOTE = {
  reason: "No Level 3 supervisor works at my hospital.",
  caseload: "350",
  local: "A Level 2 cardiologist reports with me every day.",
  arrangements: "Weekly online review of anonymised studies.",
  contact: "two hours a week",
  assessment: "Case-based discussion and review of my reports.",
  from: "2026-01-01",
  to: "2026-12-31",
};

test.beforeAll(async () => {
  const db = adminDb();
  await getAuth()
    .createUser({ ...CAROL, password: PASSWORD, emailVerified: true })
    .catch((e: { code?: string }) => {
      if (e.code !== "auth/uid-already-exists") throw e;
    });
  const uid = CAROL.uid;
  const batch = db.batch();
  batch.set(db.doc(`users/${uid}`), { displayName: CAROL.displayName, email: CAROL.email, country: "IT" });
  const [letterPath, letter] = acceptedEvidence(uid, LETTER);
  batch.set(db.doc(letterPath), letter);
  batch.set(db.doc(`supervisors/${LAPSED.uid}`), {
    name: LAPSED.name,
    body: "EACVI",
    level3From: "2010-01-01",
    level3Until: "2020-12-31",
  });
  batch.set(db.doc(`applications/${DRAFT}`), {
    ownerUid: uid,
    candidateName: CAROL.displayName,
    route: "level2",
    status: "draft",
    supervisorIds: [],
  });
  // A logbook the graders failed (as the grading's decision leaves it), inside its appeal window.
  batch.set(db.doc(`applications/${FAILED}`), {
    ownerUid: uid,
    candidateName: CAROL.displayName,
    route: "level2",
    status: "failed",
    supervisorIds: [],
    submissionCount: 1,
    decidedOn: parisDay(-3),
  });
  batch.set(db.doc(`gradings/${FAILED}`), {
    applicationId: FAILED,
    candidateUid: uid,
    route: "level2",
    submission: 1,
    status: "decided",
    graderUids: [USERS.grader1.uid, USERS.grader2.uid],
    gradedBy: [USERS.grader1.uid, USERS.grader2.uid],
    outcome: "failed",
    decision: { outcome: "failed", by: "graders", reason: null, decidedOn: parisDay(-3) },
    appealBy: parisDay(27),
  });
  await batch.commit();
  // The grading history as the server writes it: one commit each, several events in a commit,
  // so they share their time, and their ids sort otherwise (001-assigned < 001-submitted).
  const history = (id: string) => db.doc(`gradings/${FAILED}/history/${id}`);
  const commits: [string, string, Record<string, unknown>][][] = [
    [
      ["001-submitted", "submitted", { on: parisDay(-20) }],
      ["001-assigned", "assigned", { graders: 2, randomChecks: 0 }],
    ],
    [["001-graded-1", "graded", {}]],
    [
      ["001-graded-2", "graded", {}],
      ["001-decided", "decided", { outcome: "failed", by: "graders", reason: null, on: parisDay(-3) }],
    ],
  ];
  for (const events of commits) {
    const commit = db.batch();
    for (const [id, event, fields] of events) {
      commit.set(history(id), { event, submission: 1, at: FieldValue.serverTimestamp(), ...fields });
    }
    await commit.commit();
  }
});

const card = (page: Page, name: RegExp | string) => page.getByRole("region", { name });
/** The history events a list shows, in its order. */
const eventsOf = (items: Locator) => items.evaluateAll((li) => li.map((l) => l.getAttribute("data-event")));

test("a candidate asks for remote supervision and reports special circumstances", async ({ page }) => {
  await signIn(page, CAROL.email);
  await page.getByRole("link", { name: "Requests" }).click();
  await expect(page.getByText("You have sent no request.")).toBeVisible();

  // Remote supervision: an empty form is refused in the browser by the server's schema, field by field.
  await page.getByRole("button", { name: "Ask for remote supervision" }).click();
  const remote = page.getByRole("form", { name: "Remote-supervision request" });
  await remote.getByRole("button", { name: "Send the remote-supervision request" }).click();
  await expect(remote.getByRole("alert")).toContainText("Complete the form:");
  await expect(remote.getByRole("alert")).toContainText("Remote supervisor is required");
  await expect(remote.getByRole("alert")).toContainText("Your institution's annual CMR caseload is required");
  await expect(remote.getByRole("alert")).not.toContainText("remoteSupervisorUid");
  // Only supervisors holding Level 3 today are offered.
  const supervisor = remote.getByLabel(/^Remote supervisor/);
  await expect(supervisor.getByRole("option", { name: SUPERVISOR_NAME })).toHaveCount(1);
  await expect(supervisor.getByRole("option", { name: LAPSED.name })).toHaveCount(0);
  await remote.getByLabel(/^Reason for remote supervision/).fill(REMOTE.reason);
  await remote.getByLabel(/^Your institution's annual CMR caseload/).fill(REMOTE.caseload);
  await remote.getByLabel(/^Level of local supervision/).fill(REMOTE.local);
  await supervisor.selectOption({ label: SUPERVISOR_NAME });
  await remote.getByLabel(/^Proposed arrangements/).fill(REMOTE.arrangements);
  await remote.getByLabel(/^Anticipated contact time/).fill(REMOTE.contact);
  await remote.getByLabel(/^Assessment methods/).fill(REMOTE.assessment);
  // A period that ends before it starts is refused, in the fields' words; nothing typed is lost.
  await remote.getByLabel("Covered from").fill(REMOTE.to);
  await remote.getByLabel("Covered until").fill(REMOTE.from);
  await remote.getByRole("button", { name: "Send the remote-supervision request" }).click();
  await expect(remote.getByRole("alert")).toHaveText("Complete the form: Covered until must not be before from.");
  await expect(remote.getByLabel(/^Assessment methods/)).toHaveValue(REMOTE.assessment);
  await remote.getByLabel("Covered from").fill(REMOTE.from);
  await remote.getByLabel("Covered until").fill(REMOTE.to);
  await checkScreen(page, "requests-remote-supervision-form");
  await remote.getByRole("button", { name: "Send the remote-supervision request" }).click();
  const remoteCard = card(page, /^Remote-supervision request /);
  await expect(remoteCard).toHaveAttribute("data-request-status", "submitted", CALLABLE);
  await expect(remoteCard).toContainText(`from ${REMOTE.from} to ${REMOTE.to}`);
  await expect(remoteCard).toContainText(REMOTE.contact);
  await expect(remoteCard).toContainText(`${REMOTE.caseload} studies`);
  await expect(remoteCard).toContainText(`${SUPERVISOR_NAME} (${USERS.supervisor.uid})`);

  // Special circumstances: only the application being prepared is offered; the letter is attached.
  await page.getByRole("button", { name: "Report special circumstances" }).click();
  const special = page.getByRole("form", { name: "Special-circumstances request" });
  const specialApp = special.getByLabel(/^Application/);
  await expect(specialApp.getByRole("option")).toHaveText(["(choose)", `${DRAFT} (level2, draft)`]);
  await specialApp.selectOption(DRAFT);
  await special.getByLabel(/^The circumstances/).fill("Six months of illness in 2025: I could not scan.");
  await special.getByLabel(`${LETTER}.pdf`).check();
  await checkScreen(page, "requests-special-circumstances-form");
  await special.getByRole("button", { name: "Send the special-circumstances request" }).click();
  const specialCard = card(page, /^Special-circumstances request /);
  await expect(specialCard).toHaveAttribute("data-request-status", "submitted", CALLABLE);
  await expect(specialCard).toContainText(`Application ${DRAFT}: Six months of illness`);
  // Sending froze the attachment (the evidence record names the request).
  await expect
    .poll(async () => (await adminDb().doc(`users/${CAROL.uid}/evidence/${LETTER}`).get()).get("submittedIn"))
    .toHaveLength(1);

  await signOut(page);
});

test("a failed logbook's history reads in the order it happened; the candidate appeals from there", async ({
  page,
}) => {
  await signIn(page, CAROL.email);
  await page.goto(`/applications/${FAILED}?tab=result`);
  await expect(page.locator("[data-application-status]")).toHaveText("not passed");
  // Two of the three commits wrote two events each, with one time and ids that sort otherwise.
  await expect
    .poll(() => eventsOf(page.locator("ol.history li")))
    .toEqual(["submitted", "assigned", "graded", "graded", "decided"]);
  await checkScreen(page, "candidate-result-failed");

  // The result links to the appeal form; only the failed application is offered.
  await page.getByRole("link", { name: "Appeal the decision" }).click();
  const appeal = page.getByRole("form", { name: "Logbook appeal" });
  const appealApp = appeal.getByLabel(/^Application/);
  await expect(appealApp.getByRole("option")).toHaveText(["(choose)", `${FAILED} (level2, failed)`]);
  await appealApp.selectOption(FAILED);
  await appeal.getByLabel(/^Grounds of the appeal/).fill("The graders did not count my congenital cases.");
  await checkScreen(page, "requests-logbook-appeal-form");
  await appeal.getByRole("button", { name: "Send the logbook appeal" }).click();
  const appealCard = card(page, `Logbook appeal logbook-appeal-${FAILED}-1`);
  await expect(appealCard).toHaveAttribute("data-request-status", "submitted", CALLABLE);
  await expect(appealCard).toContainText(`Application ${FAILED}: The graders did not count my congenital cases.`);
  // A second appeal of the same decision: the server's refusal, in words; the text stays.
  await page.getByRole("button", { name: "Appeal a logbook decision" }).click();
  await appeal.getByLabel(/^Application/).selectOption(FAILED);
  await appeal.getByLabel(/^Grounds of the appeal/).fill("Again.");
  await appeal.getByRole("button", { name: "Send the logbook appeal" }).click();
  await expect(appeal.getByRole("alert")).toContainText(
    "Could not send the logbook appeal: This was already appealed",
    CALLABLE,
  );
  await expect(appeal.getByLabel(/^Grounds of the appeal/)).toHaveValue("Again.");
  await appeal.getByRole("button", { name: "Cancel" }).click();
  await checkScreen(page, "requests-new-kinds-sent");
  await signOut(page);
});

test("the remote supervisor reads the request in their supervision area and adds their one statement", async ({
  page,
}) => {
  await signIn(page, USERS.supervisor.email);
  await page.goto("/home");
  const named = page.getByRole("region", { name: "Requests naming you" });
  const request = named.getByRole("region", { name: /^Remote-supervision request / });
  await expect(request).toContainText(`From candidate account ${CAROL.uid}`);
  await expect(request).toContainText(REMOTE.arrangements);
  await expect(request).toContainText(REMOTE.assessment);
  // Not named in the special-circumstances request or the appeal: they are not listed.
  await expect(named.getByRole("region", { name: /^Special-circumstances request / })).toHaveCount(0);
  await expect(named.getByRole("region", { name: /^Logbook appeal / })).toHaveCount(0);
  const form = request.getByRole("form", { name: /^Your statement on / });
  await form.getByRole("button", { name: /^Sign and add your statement/ }).click();
  await expect(form.getByRole("alert")).toHaveText("Write your statement first.");
  await form.getByLabel(/^Your statement/).fill(STATEMENT);
  await checkScreen(page, "supervisor-request-statement");
  page.once("dialog", (dialog) => dialog.accept());
  await form.getByRole("button", { name: /^Sign and add your statement/ }).click();
  await expect(request.locator("[data-statement]")).toContainText(`Your statement (${parisDay()}): ${STATEMENT}`);
  await expect(request.getByRole("form")).toHaveCount(0); // once only
  // The server records it in the history (the onRequestWrite trigger: on a loaded machine the
  // Functions emulator may still be running the seed's triggers), after the sending.
  await expect
    .poll(() => eventsOf(request.getByRole("listitem")), { timeout: 240_000 })
    .toEqual(["submitted", "statement-added"]);
  await checkScreen(page, "supervisor-named-requests");
  await signOut(page);
});

test("the chair asks for changes and approves; the candidate resends and sees the statement and the decision", async ({
  page,
}) => {
  await signIn(page, USERS.chair.email);
  await page.goto("/requests");
  const open = page.getByRole("region", { name: "Open requests (to decide)" });
  const special = open.getByRole("region", { name: /^Special-circumstances request / });
  await special.getByLabel("What must change").fill("Say which months, and what the letter covers.");
  await special.getByRole("button", { name: /^Ask for changes/ }).click();
  await expect(special).toHaveAttribute("data-request-status", "changes-requested", CALLABLE);
  const remote = open.getByRole("region", { name: /^Remote-supervision request / });
  await expect(remote).toContainText(`Supervisor's statement (${parisDay()}): ${STATEMENT}`);
  await remote.getByLabel(/^Outcome/).selectOption("granted");
  await remote.getByLabel("Reason for the decision").fill("The arrangements meet the programme's conditions.");
  page.once("dialog", (dialog) => dialog.accept());
  await remote.getByRole("button", { name: /^Record the decision/ }).click();
  await expect(open.getByRole("region", { name: /^Remote-supervision request / })).toHaveCount(0, CALLABLE);
  await signOut(page);

  await signIn(page, CAROL.email);
  await page.goto("/requests");
  const mine = page.getByRole("region", { name: "Your requests" });
  const remoteCard = mine.getByRole("region", { name: /^Remote-supervision request / });
  await expect(remoteCard).toHaveAttribute("data-request-status", "granted");
  await expect(remoteCard).toContainText("Status: approved on");
  await expect
    .poll(() => eventsOf(remoteCard.getByRole("listitem")))
    .toEqual(["submitted", "statement-added", "granted"]);
  const specialCard = mine.getByRole("region", { name: /^Special-circumstances request / });
  await specialCard.getByRole("button", { name: /^Change and resend/ }).click();
  const form = specialCard.getByRole("form", { name: /^Change and resend/ });
  // The resend starts from what was sent: the application, the text and the attachment.
  await expect(form.getByLabel(/^Application/)).toHaveValue(DRAFT);
  await expect(form.getByLabel(`${LETTER}.pdf`)).toBeChecked();
  await form
    .getByLabel(/^The circumstances/)
    .fill("Illness from March to August 2025; the letter covers those months.");
  await form.getByRole("button", { name: "Send the request again" }).click();
  await expect(specialCard).toHaveAttribute("data-request-status", "resubmitted", CALLABLE);
  await expect(specialCard).toContainText("Illness from March to August 2025");
  await checkScreen(page, "requests-new-kinds-decided");
  await signOut(page);
});

// --- the committee's policy override (web-override) ---
test("the chair grants the special circumstances with a policy override, checked first; the candidate's report applies it", async ({
  page,
}) => {
  const OVERRIDE = '{"cases": {"required": {"level2": 120}}}';
  await signIn(page, USERS.chair.email);
  await page.goto("/requests");
  const open = page.getByRole("region", { name: "Open requests (to decide)" });
  const special = open.getByRole("region", { name: /^Special-circumstances request / });
  await expect(special).toHaveAttribute("data-request-status", "resubmitted");
  const requestId = (await special.getByRole("heading").first().textContent())!.split(" ").at(-1)!;
  const field = special.getByLabel(`Policy override for application ${DRAFT} (optional, JSON)`, { exact: true });
  // Only a grant carries an override.
  await expect(field).toHaveCount(0);
  await special.getByLabel(/^Outcome/).selectOption("granted");
  await expect(field).toHaveAccessibleDescription(/merged over the policy in force for this one application/);
  await special.getByLabel("Reason for the decision").fill("Illness certified for six months: fewer cases suffice.");
  const record = special.getByRole("button", { name: /^Record the decision/ });
  // Refused in the browser, in words, before any call (no confirmation is asked); the text stays.
  const refusals: [string, RegExp][] = [
    ["{cases: {required: {level2: 120}}}", /^The policy override is not valid JSON \(.+\); write it like \{/],
    ["[120]", /^The policy override must be a JSON object, like \{/],
    ['{"cases": {"requird": {"level2": 120}}}', /^The policy has no setting "cases\.requird": check the spelling/],
    [
      '{"cases": {"required": {"level2": -5}}}',
      /^With this override the policy is not valid: cases\.required\.level2: /,
    ],
  ];
  for (const [text, problem] of refusals) {
    await field.fill(text);
    await record.click();
    await expect(special.getByRole("alert")).toHaveText(problem);
    await expect(field).toHaveValue(text);
  }
  expect((await adminDb().doc(`requests/${requestId}`).get()).get("status")).toBe("resubmitted");
  await field.fill(OVERRIDE);
  await checkScreen(page, "requests-policy-override-form");
  // The confirmation names what changes, with the value in force.
  const confirmed = new Promise<string>((resolve) =>
    page.once("dialog", (dialog) => {
      resolve(dialog.message());
      void dialog.accept();
    }),
  );
  await record.click();
  expect(await confirmed).toContain(`The policy of application ${DRAFT} changes: cases.required.level2: 150 → 120.`);
  await expect(open.getByRole("region", { name: /^Special-circumstances request / })).toHaveCount(0);
  const decided = await adminDb().doc(`requests/${requestId}`).get();
  expect(decided.get("status")).toBe("granted");
  expect(decided.get("decision.policyOverride")).toEqual(JSON.parse(OVERRIDE));
  await signOut(page);

  await signIn(page, CAROL.email);
  await page.goto("/requests");
  const specialCard = page
    .getByRole("region", { name: "Your requests" })
    .getByRole("region", { name: /^Special-circumstances request / });
  await expect(specialCard).toHaveAttribute("data-request-status", "granted");
  await expect(specialCard.locator("[data-policy-override]")).toHaveText(
    `Policy override for this application: ${JSON.stringify(JSON.parse(OVERRIDE))}`,
  );
  // The report of that application applies the override and says so, naming the decision.
  await page.goto(`/applications/${DRAFT}?tab=report`);
  await expect(page.locator('[data-requirement="cases.total"] .requirement-value')).toContainText("0 / 120");
  const finding = page.locator("li.finding", { hasText: "POLICY_OVERRIDE" });
  await expect(finding).toContainText(
    `Policy overridden for this application by special-circumstances decision ${requestId}: cases.required.level2 = 120`,
  );
  await checkScreen(page, "candidate-report-policy-override");
  await signOut(page);
});
// --- end policy override ---
