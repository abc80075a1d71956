// Recertification applications, their CME, and the "Run Payments with Stripe"
// extension's documents. Every denial has an allowed twin that differs only
// in the attribute under test.
import { addDoc, collection, deleteDoc, doc, getDoc, getDocs, setDoc, updateDoc } from "firebase/firestore";
import { describe, it } from "vitest";
import { ACTORS, allowed, dbAs, denied, OTHER_CANDIDATE, OWNER, useRulesWorld, validCme, type Actor } from "./setup.js";

const world = useRulesWorld();
const at = (actor: Actor, path: string) => doc(dbAs(world(), actor), path);
const RECERT = "recert-cert-1-1";

const recertification = (status: string, fields: Record<string, unknown> = {}) => ({
  uid: OWNER,
  certificationId: "cert-1",
  attempt: 1,
  level: 2,
  status,
  openedOn: "2030-01-10",
  window: { opensOn: "2029-12-15", closesOn: "2030-12-15" },
  fee: { tier: "non-member", amountMinor: 20000, currency: "eur" },
  paid: null,
  checklist: null,
  letterEvidenceId: null,
  submission: 0,
  ...fields,
});

async function seed(status: string) {
  await world().withSecurityRulesDisabled(async (ctx) => {
    const db = ctx.firestore();
    await db.doc(`recertifications/${RECERT}`).set(recertification(status));
    await db.doc(`recertifications/${RECERT}/cme/cme-1`).set(validCme());
    await db.doc(`recertifications/${RECERT}/validation/current`).set({ eligible: false });
    await db.doc(`recertifications/${RECERT}/reviews/1-committee-1`).set({ outcome: "renew" });
    await db.doc(`customers/${OWNER}/payments/pi_1`).set({ status: "succeeded", amount: 20000, currency: "eur" });
  });
}

const session = (fields: Record<string, unknown> = {}, item: Record<string, unknown> = {}) => ({
  mode: "payment",
  line_items: [
    {
      quantity: 1,
      price_data: { currency: "eur", unit_amount: 20000, product_data: { name: "EACVI CMR recertification" }, ...item },
    },
  ],
  success_url: "https://cmr.example/recertification?paid=1",
  cancel_url: "https://cmr.example/recertification",
  metadata: { recertificationId: RECERT },
  ...fields,
});
const checkout = (actor: Actor, uid = OWNER) => collection(dbAs(world(), actor), `customers/${uid}/checkout_sessions`);
const checklist = { years: [{ year: 1, studies: 60, reported: 30, institutions: ["CHU Lyon"] }] };

describe("recertification applications", () => {
  it("the holder can read their application", async () => {
    await seed("open");
    await allowed(getDoc(at(ACTORS.owner, `recertifications/${RECERT}`)));
  });
  it("another candidate cannot read it", async () => {
    await seed("open");
    await denied(getDoc(at(ACTORS.otherCandidate, `recertifications/${RECERT}`)));
  });
  it("a committee member can read it", async () => {
    await seed("open");
    await allowed(getDoc(at(ACTORS.committee, `recertifications/${RECERT}`)));
  });
  it("the certification team (admin) can read it and its CME; a grader cannot", async () => {
    await seed("open");
    await allowed(getDoc(at(ACTORS.admin, `recertifications/${RECERT}`)));
    await allowed(getDocs(collection(dbAs(world(), ACTORS.admin), `recertifications/${RECERT}/cme`)));
    await denied(getDoc(at(ACTORS.assignedGrader, `recertifications/${RECERT}`)));
  });
  it("nobody opens an application from a client (the callable does)", () =>
    denied(setDoc(at(ACTORS.owner, "recertifications/recert-cert-1-9"), recertification("awaiting-payment"))));
  it("the holder can write the checklist and the letter once paid", async () => {
    await seed("open");
    await allowed(
      updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { checklist, letterEvidenceId: "ev-letter" }),
    );
  });
  it("the holder cannot write the checklist before paying", async () => {
    await seed("awaiting-payment");
    await denied(updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { checklist }));
  });
  it("the holder cannot write the checklist once submitted", async () => {
    await seed("submitted");
    await denied(updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { checklist }));
  });
  it("the holder cannot mark their application paid", async () => {
    await seed("open");
    await denied(updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { paid: { method: "stripe" } }));
  });
  it("the holder cannot change their application's status", async () => {
    await seed("open");
    await denied(updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { status: "renewed" }));
  });
  it("the holder cannot lower their fee", async () => {
    await seed("awaiting-payment");
    await denied(
      updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), {
        fee: { tier: "silver", amountMinor: 1, currency: "eur" },
      }),
    );
  });
  it("another candidate cannot write the holder's checklist", async () => {
    await seed("open");
    await denied(updateDoc(at(ACTORS.otherCandidate, `recertifications/${RECERT}`), { checklist }));
  });
  it("the letter must be an evidence id", async () => {
    await seed("open");
    await denied(updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { letterEvidenceId: "../other/ev" }));
  });
  it("the holder can clear the checklist (twin of the refusals below: null, not a string)", async () => {
    await seed("open");
    await allowed(updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { checklist }));
    await allowed(updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { checklist: null }));
    await denied(updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { checklist: "none" }));
  });
  it("the checklist holds only its years, at most 20 of them (twins: 20 years, no other key)", async () => {
    await seed("open");
    const years = (n: number) => Array.from({ length: n }, (_, i) => ({ ...checklist.years[0], year: i + 1 }));
    const write = (value: object) => updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { checklist: value });
    await denied(write({ years: years(21) }));
    await allowed(write({ years: years(20) }));
    await denied(write({ years: years(1), verdict: "eligible" }));
    await allowed(write({ years: years(1) }));
  });
  it("the checklist must be a list of years (not a string)", async () => {
    await seed("open");
    await denied(updateDoc(at(ACTORS.owner, `recertifications/${RECERT}`), { checklist: { years: "all good" } }));
  });
});

describe("recertification CME", () => {
  it("the holder can add a CME entry once paid", async () => {
    await seed("open");
    await allowed(setDoc(at(ACTORS.owner, `recertifications/${RECERT}/cme/cme-2`), validCme()));
  });
  it("the holder cannot add a CME entry before paying", async () => {
    await seed("awaiting-payment");
    await denied(setDoc(at(ACTORS.owner, `recertifications/${RECERT}/cme/cme-2`), validCme()));
  });
  it("the holder cannot add a CME entry once submitted", async () => {
    await seed("submitted");
    await denied(setDoc(at(ACTORS.owner, `recertifications/${RECERT}/cme/cme-2`), validCme()));
  });
  it("another candidate cannot add a CME entry", async () => {
    await seed("open");
    await denied(setDoc(at(ACTORS.otherCandidate, `recertifications/${RECERT}/cme/cme-2`), validCme()));
  });
  it("a CME entry with an unknown field is refused", async () => {
    await seed("open");
    await denied(setDoc(at(ACTORS.owner, `recertifications/${RECERT}/cme/cme-2`), { ...validCme(), verified: true }));
  });
  it("another candidate cannot read the holder's CME; the holder can (twin)", async () => {
    await seed("open");
    await denied(getDoc(at(ACTORS.otherCandidate, `recertifications/${RECERT}/cme/cme-1`)));
    await allowed(getDoc(at(ACTORS.owner, `recertifications/${RECERT}/cme/cme-1`)));
  });
  it("a CME entry is stored under a document id only (twin: the same entry under cme-2)", async () => {
    await seed("open");
    await denied(setDoc(at(ACTORS.owner, `recertifications/${RECERT}/cme/cme 2`), validCme()));
    await allowed(setDoc(at(ACTORS.owner, `recertifications/${RECERT}/cme/cme-2`), validCme()));
  });
  it("the holder can delete a CME entry while open, not once submitted", async () => {
    await seed("open");
    await allowed(deleteDoc(at(ACTORS.owner, `recertifications/${RECERT}/cme/cme-1`)));
    await seed("submitted");
    await denied(deleteDoc(at(ACTORS.owner, `recertifications/${RECERT}/cme/cme-1`)));
  });
});

describe("recertification report, reviews", () => {
  it("the holder can read the live report", async () => {
    await seed("open");
    await allowed(getDoc(at(ACTORS.owner, `recertifications/${RECERT}/validation/current`)));
  });
  it("another candidate cannot read the live report", async () => {
    await seed("open");
    await denied(getDoc(at(ACTORS.otherCandidate, `recertifications/${RECERT}/validation/current`)));
  });
  it("the holder cannot write the live report", async () => {
    await seed("open");
    await denied(setDoc(at(ACTORS.owner, `recertifications/${RECERT}/validation/current`), { eligible: true }));
  });
  it("a committee member can read the reviews", async () => {
    await seed("submitted");
    await allowed(getDoc(at(ACTORS.committee, `recertifications/${RECERT}/reviews/1-committee-1`)));
  });
  it("the certification team (admin) can read the reviews; a grader cannot (twin: the role only)", async () => {
    await seed("submitted");
    await allowed(getDoc(at(ACTORS.admin, `recertifications/${RECERT}/reviews/1-committee-1`)));
    await denied(
      getDoc(at({ ...ACTORS.admin, claims: { role: "grader" } }, `recertifications/${RECERT}/reviews/1-committee-1`)),
    );
  });
  it("the holder cannot read the reviews", async () => {
    await seed("submitted");
    await denied(getDoc(at(ACTORS.owner, `recertifications/${RECERT}/reviews/1-committee-1`)));
  });
  it("a committee member cannot write a review from a client (the callable does)", async () => {
    await seed("submitted");
    await denied(
      setDoc(at(ACTORS.committee, `recertifications/${RECERT}/reviews/1-committee-1`), { outcome: "refuse" }),
    );
  });
});

describe("checkout sessions (Run Payments with Stripe)", () => {
  it("the holder can create a checkout session for their fee", async () => {
    await seed("awaiting-payment");
    await allowed(addDoc(checkout(ACTORS.owner), session()));
  });
  it("the holder can name the web client explicitly", async () => {
    await seed("awaiting-payment");
    await allowed(addDoc(checkout(ACTORS.owner), session({ client: "web" })));
  });
  it("a checkout session for less than the fee is refused", async () => {
    await seed("awaiting-payment");
    await denied(addDoc(checkout(ACTORS.owner), session({}, { unit_amount: 7500 })));
  });
  it("a checkout session in another currency is refused", async () => {
    await seed("awaiting-payment");
    await denied(addDoc(checkout(ACTORS.owner), session({}, { currency: "usd" })));
  });
  it("a subscription is refused: one-time payment only", async () => {
    await seed("awaiting-payment");
    await denied(addDoc(checkout(ACTORS.owner), session({ mode: "subscription" })));
  });
  it("the return addresses are web addresses of at most 500 characters (twins: 500, https)", async () => {
    await seed("awaiting-payment");
    const url = (length: number) => "https://cmr.example/".padEnd(length, "a");
    for (const key of ["success_url", "cancel_url"]) {
      await denied(addDoc(checkout(ACTORS.owner), session({ [key]: url(501) })));
      await allowed(addDoc(checkout(ACTORS.owner), session({ [key]: url(500) })));
      for (const bad of ["javascript:alert(1)", "ftp://cmr.example/", "https://cmr.example/a b", "https://"]) {
        await denied(addDoc(checkout(ACTORS.owner), session({ [key]: bad })));
      }
      await allowed(addDoc(checkout(ACTORS.owner), session({ [key]: "http://cmr.example/" })));
    }
  });
  it("a client other than the web is refused (twin: web)", async () => {
    await seed("awaiting-payment");
    await denied(addDoc(checkout(ACTORS.owner), session({ client: "ios" })));
    await allowed(addDoc(checkout(ACTORS.owner), session({ client: "web" })));
  });
  // Each refusal beside its twin: the same session with that one part as the extension needs it.
  const item = session().line_items[0];
  const SHAPES: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      "metadata with another key",
      { metadata: { recertificationId: RECERT, coupon: "x" } },
      { metadata: { recertificationId: RECERT } },
    ],
    ["metadata that is not a map", { metadata: RECERT }, { metadata: { recertificationId: RECERT } }],
    ["two line items", { line_items: [item, item] }, { line_items: [item] }],
    ["line items that are a map", { line_items: { 0: item } }, { line_items: [item] }],
    ["a line item with tax rates", { line_items: [{ ...item, tax_rates: ["txr_1"] }] }, { line_items: [item] }],
    [
      "a recurring price",
      { line_items: [{ ...item, price_data: { ...item.price_data, recurring: { interval: "year" } } }] },
      { line_items: [{ ...item, price_data: { ...item.price_data } }] },
    ],
    [
      "a product with a description",
      {
        line_items: [{ ...item, price_data: { ...item.price_data, product_data: { name: "CMR", description: "x" } } }],
      },
      { line_items: [{ ...item, price_data: { ...item.price_data, product_data: { name: "CMR" } } }] },
    ],
    [
      "a product name over 200 characters",
      { line_items: [{ ...item, price_data: { ...item.price_data, product_data: { name: "x".repeat(201) } } }] },
      { line_items: [{ ...item, price_data: { ...item.price_data, product_data: { name: "x".repeat(200) } } }] },
    ],
    [
      "an empty product name",
      { line_items: [{ ...item, price_data: { ...item.price_data, product_data: { name: "" } } }] },
      { line_items: [{ ...item, price_data: { ...item.price_data, product_data: { name: "x" } } }] },
    ],
  ];
  it.each(SHAPES)("a checkout session with %s is refused (twin allowed)", async (_what, bad, good) => {
    await seed("awaiting-payment");
    await denied(addDoc(checkout(ACTORS.owner), session(bad)));
    await allowed(addDoc(checkout(ACTORS.owner), session(good)));
  });
  it("a session naming an application by something other than a document id is refused (twin: its own id)", async () => {
    // Both exist and are awaiting payment; the server never makes the first kind of id.
    await world().withSecurityRulesDisabled(async (ctx) => {
      await ctx.firestore().doc("recertifications/recert.2").set(recertification("awaiting-payment"));
      await ctx.firestore().doc("recertifications/recert-2").set(recertification("awaiting-payment"));
    });
    await denied(addDoc(checkout(ACTORS.owner), session({ metadata: { recertificationId: "recert.2" } })));
    await allowed(addDoc(checkout(ACTORS.owner), session({ metadata: { recertificationId: "recert-2" } })));
  });
  it("a field outside the allowlist (a promotion code) is refused", async () => {
    await seed("awaiting-payment");
    await denied(addDoc(checkout(ACTORS.owner), session({ promotion_code: "FREE" })));
  });
  it("a quantity of two is refused", async () => {
    await seed("awaiting-payment");
    const two = session();
    (two.line_items[0] as { quantity: number }).quantity = 2;
    await denied(addDoc(checkout(ACTORS.owner), two));
  });
  it("a session for an application already paid is refused", async () => {
    await seed("open");
    await denied(addDoc(checkout(ACTORS.owner), session()));
  });
  it("another user cannot create a session under the holder's customer", async () => {
    await seed("awaiting-payment");
    await denied(addDoc(checkout(ACTORS.otherCandidate, OWNER), session()));
  });
  it("a user cannot pay, under their own customer, for someone else's application", async () => {
    await seed("awaiting-payment");
    await denied(addDoc(checkout(ACTORS.otherCandidate, OTHER_CANDIDATE), session()));
  });
  it("the holder can read their own checkout sessions; another user cannot (twin)", async () => {
    await seed("awaiting-payment");
    await allowed(getDocs(checkout(ACTORS.owner)));
    await denied(getDocs(checkout(ACTORS.otherCandidate, OWNER)));
  });
  it("the holder can read their customer document; another user cannot (twin)", async () => {
    await world().withSecurityRulesDisabled((ctx) => ctx.firestore().doc(`customers/${OWNER}`).set({ email: "o@x" }));
    await allowed(getDoc(at(ACTORS.owner, `customers/${OWNER}`)));
    await denied(getDoc(at(ACTORS.otherCandidate, `customers/${OWNER}`)));
  });
  it("the holder cannot rewrite a checkout session (the extension fills in its url)", async () => {
    await seed("awaiting-payment");
    await world().withSecurityRulesDisabled(async (ctx) => {
      await ctx.firestore().doc(`customers/${OWNER}/checkout_sessions/s1`).set(session());
    });
    await denied(
      updateDoc(at(ACTORS.owner, `customers/${OWNER}/checkout_sessions/s1`), { url: "https://evil.example" }),
    );
  });
});

describe("payments (written by the extension only)", () => {
  it("the holder can read their payments", async () => {
    await seed("open");
    await allowed(getDoc(at(ACTORS.owner, `customers/${OWNER}/payments/pi_1`)));
  });
  it("another candidate cannot read the holder's payments", async () => {
    await seed("open");
    await denied(getDoc(at(ACTORS.otherCandidate, `customers/${OWNER}/payments/pi_1`)));
  });
  it("an admin can read the holder's payments", async () => {
    await seed("open");
    await allowed(getDoc(at(ACTORS.admin, `customers/${OWNER}/payments/pi_1`)));
  });
  it("the holder cannot write a succeeded payment", () =>
    denied(setDoc(at(ACTORS.owner, `customers/${OWNER}/payments/pi_2`), { status: "succeeded", amount: 20000 })));
  it("an admin cannot write a payment from a client (bank transfers go through the callable)", () =>
    denied(setDoc(at(ACTORS.admin, `customers/${OWNER}/payments/pi_2`), { status: "succeeded", amount: 20000 })));
});
