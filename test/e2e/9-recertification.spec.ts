// Recertification: a holder opens the application in its window, sees the
// fee of their tier, starts a card payment (the Stripe extension's checkout
// session document, accepted by the rules), and the payment the extension
// records opens the application with its live report. Outside the window the
// server's refusal is shown in words.
import { expect, test } from "@playwright/test";
import { USERS, adminDb } from "./fixtures.js";
import { checkScreen, parisDay, signIn, signOut } from "./helpers.js";

test.describe.configure({ mode: "serial" });

const IN_WINDOW = { id: "cert-e2e-bob-l2", number: "CMR-L2-2021-00011", expiresOn: parisDay(60) };
const TOO_EARLY = { id: "cert-e2e-bob-l3", number: "CMR-L3-2025-00012", expiresOn: parisDay(1500) };
const APP = `recert-${IN_WINDOW.id}-1`;

test.beforeAll(async () => {
  const db = adminDb();
  for (const c of [IN_WINDOW, TOO_EARLY]) {
    await db.doc(`certifications/${c.id}`).set({
      uid: USERS.bob.uid,
      level: c === IN_WINDOW ? 2 : 3,
      awardedOn: "2021-01-15",
      expiresOn: c.expiresOn,
      status: "active",
      certificateNumber: c.number,
      holderName: USERS.bob.displayName,
      country: "FR",
    });
  }
});

test("a holder opens the recertification, sees the fee and starts the card payment", async ({ page }) => {
  await signIn(page, USERS.bob.email);
  await page.getByRole("link", { name: "Recertification" }).click();
  const certs = page.getByRole("table", { name: "Your certifications" });
  await expect(certs.getByRole("row", { name: new RegExp(IN_WINDOW.number) })).toContainText(IN_WINDOW.expiresOn);

  // Outside the window: the server says why, in words.
  await page.getByRole("button", { name: `Open the recertification of ${TOO_EARLY.number}` }).click();
  await expect(page.getByRole("alert")).toContainText(`Could not open the recertification of ${TOO_EARLY.number}:`);
  await expect(page.getByRole("alert")).not.toContainText("failed-precondition");

  await page.getByRole("button", { name: `Open the recertification of ${IN_WINDOW.number}` }).click();
  // Bob is a non-member: the programme's €200 excluding VAT.
  await expect(page.getByRole("status")).toHaveText(`Recertification ${APP} opened: the fee is €200.00.`);
  const app = page.getByRole("region", { name: `Recertification ${APP}` });
  await expect(app).toHaveAttribute("data-recertification-status", "awaiting-payment");
  await expect(app.locator("[data-fee]")).toHaveText("Fee: €200.00 excluding VAT (non-member tier).");
  await expect(certs.getByRole("row", { name: new RegExp(IN_WINDOW.number) })).toContainText(`application ${APP}`);

  await app.getByRole("button", { name: "Pay €200.00 by card" }).click();
  await expect(app.getByRole("status")).toHaveText("Waiting for the payment page…");
  // The rules accepted the session document: the extension would now add the Checkout URL.
  const sessions = await adminDb().collection(`customers/${USERS.bob.uid}/checkout_sessions`).get();
  expect(sessions.docs.map((d) => d.data())).toEqual([
    expect.objectContaining({
      mode: "payment",
      metadata: { recertificationId: APP },
      line_items: [
        {
          quantity: 1,
          price_data: { currency: "eur", unit_amount: 20000, product_data: { name: "EACVI CMR recertification" } },
        },
      ],
    }),
  ]);
  await checkScreen(page, "recertification-awaiting-payment");
  await signOut(page);
});

test("the payment the extension records opens the application, with its live report", async ({ page }) => {
  // What "Run Payments with Stripe" writes on the webhook (the Stripe emulator does not exist).
  await adminDb()
    .doc(`customers/${USERS.bob.uid}/payments/pi_e2e`)
    .set({
      status: "succeeded",
      amount: 20000,
      amount_received: 20000,
      currency: "eur",
      metadata: { recertificationId: APP },
    });
  await signIn(page, USERS.bob.email);
  await page.goto("/recertification");
  const app = page.getByRole("region", { name: `Recertification ${APP}` });
  await expect(app).toHaveAttribute("data-recertification-status", "open");
  await expect(app.locator("[data-fee]")).toContainText("€200.00 paid on");
  await expect(app.locator("[data-fee]")).toContainText("(card)");
  await expect(app.getByRole("button", { name: /^Pay/ })).toHaveCount(0);
  // The server's report: nothing uploaded yet, so not eligible, with the requirements as bars.
  await expect(app.locator(".eligibility")).toContainText("Not eligible yet");
  await expect(
    app
      .getByRole("list", { name: `Requirements of ${APP}` })
      .getByRole("listitem")
      .first(),
  ).toBeVisible();
  await checkScreen(page, "recertification-open");
  await signOut(page);
});
