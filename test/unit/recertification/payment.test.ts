import { describe, expect, it } from "vitest";
import {
  paymentVerdict,
  stripePaymentVerdict,
  type RecertificationApplication,
} from "../../../functions/src/recertification/domain/documents.js";

const app = (fields: Partial<RecertificationApplication> = {}) => ({
  uid: "holder",
  status: "awaiting-payment" as const,
  fee: { tier: "non-member" as const, amountMinor: 20000, currency: "eur" },
  paid: null,
  ...fields,
});
const intent = (fields = {}) => ({
  id: "pi_1",
  status: "succeeded",
  amount: 20000,
  amount_received: 20000,
  currency: "eur",
  metadata: { recertificationId: "recert-c-1" },
  ...fields,
});

describe("what a Stripe payment document does to an application", () => {
  it("a succeeded payment of the fee marks the application paid", () => {
    expect(stripePaymentVerdict(app(), "holder", "pi_1", intent(), "2030-01-10")).toEqual({
      kind: "mark-paid",
      paid: {
        method: "stripe",
        reference: "pi_1",
        amountMinor: 20000,
        currency: "eur",
        paidOn: "2030-01-10",
        recordedBy: null,
      },
    });
  });

  it("the same payment delivered again is already recorded (idempotent)", () => {
    const paid = stripePaymentVerdict(app(), "holder", "pi_1", intent(), "2030-01-10");
    if (paid.kind !== "mark-paid") throw new Error("expected mark-paid");
    expect(
      stripePaymentVerdict(app({ status: "open", paid: paid.paid }), "holder", "pi_1", intent(), "2030-01-11"),
    ).toEqual({
      kind: "already-recorded",
    });
  });

  it("another payment for a paid application is a duplicate, to refund", () => {
    const paid = {
      method: "stripe" as const,
      reference: "pi_1",
      amountMinor: 20000,
      currency: "eur",
      paidOn: "2030-01-10",
      recordedBy: null,
    };
    expect(stripePaymentVerdict(app({ status: "open", paid }), "holder", "pi_2", intent(), "2030-01-11")).toMatchObject(
      {
        kind: "duplicate",
      },
    );
  });

  it("only succeeded payments count: processing, canceled and failed are ignored", () => {
    for (const status of ["processing", "canceled", "requires_payment_method"]) {
      expect(stripePaymentVerdict(app(), "holder", "pi_1", intent({ status }), "2030-01-10").kind).toBe("ignore");
    }
  });

  it("the fee exactly is enough; one cent less is refused; another currency is refused", () => {
    expect(stripePaymentVerdict(app(), "holder", "pi_1", intent({ amount_received: 20000 }), "2030-01-10").kind).toBe(
      "mark-paid",
    );
    expect(stripePaymentVerdict(app(), "holder", "pi_1", intent({ amount_received: 19999 }), "2030-01-10").kind).toBe(
      "refused",
    );
    expect(stripePaymentVerdict(app(), "holder", "pi_1", intent({ currency: "usd" }), "2030-01-10").kind).toBe(
      "refused",
    );
    expect(stripePaymentVerdict(app(), "holder", "pi_1", intent({ currency: "EUR" }), "2030-01-10").kind).toBe(
      "mark-paid",
    );
  });

  it("a payment from another account, or for an application no longer awaiting payment, is refused", () => {
    expect(stripePaymentVerdict(app(), "someone-else", "pi_1", intent(), "2030-01-10").kind).toBe("refused");
    expect(stripePaymentVerdict(app({ status: "withdrawn" }), "holder", "pi_1", intent(), "2030-01-10").kind).toBe(
      "refused",
    );
  });
});

describe("a bank transfer recorded by the certification team", () => {
  const transfer = {
    reference: "BT-1",
    amountMinor: 7500,
    currency: "EUR",
    method: "bank-transfer" as const,
    recordedBy: "admin",
  };
  const silver = app({ fee: { tier: "silver", amountMinor: 7500, currency: "eur" } });
  it("marks the application paid, recorded by whom; recording it twice is already recorded", () => {
    const v = paymentVerdict(silver, "holder", transfer, "2030-02-01");
    expect(v).toMatchObject({
      kind: "mark-paid",
      paid: { method: "bank-transfer", recordedBy: "admin", currency: "eur" },
    });
    if (v.kind !== "mark-paid") throw new Error("expected mark-paid");
    expect(paymentVerdict({ ...silver, status: "open", paid: v.paid }, "holder", transfer, "2030-02-02").kind).toBe(
      "already-recorded",
    );
  });
  it("a Stripe payment with the same reference is not the same payment", () => {
    const paid = {
      method: "stripe" as const,
      reference: "BT-1",
      amountMinor: 7500,
      currency: "eur",
      paidOn: "2030-01-10",
      recordedBy: null,
    };
    expect(paymentVerdict({ ...silver, status: "open", paid }, "holder", transfer, "2030-02-02").kind).toBe(
      "duplicate",
    );
  });
});
