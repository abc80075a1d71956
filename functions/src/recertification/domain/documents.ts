// The recertification documents as the server reads them (zod at the
// boundary), and the pure decision of what a payment document means for an
// application.
import { z } from "zod";
import type { IsoDate } from "../../platform/domain/dates.js";
import { isoDate, MEMBERSHIP_TIERS } from "../../platform/domain/programme.js";
import { RECERTIFICATION_STATUSES } from "./application.js";

export const paidSchema = z.object({
  method: z.enum(["stripe", "bank-transfer"]),
  /** The extension's payment id (the PaymentIntent), or the bank transfer's reference. */
  reference: z.string().min(1),
  amountMinor: z.number().int().min(0),
  currency: z.string().min(3),
  paidOn: isoDate,
  /** Who recorded a bank transfer (null for Stripe). */
  recordedBy: z.string().nullable(),
});
export type Paid = z.infer<typeof paidSchema>;

export const recertificationApplicationSchema = z.object({
  uid: z.string().min(1),
  certificationId: z.string().min(1),
  attempt: z.number().int().min(1),
  level: z.union([z.literal(2), z.literal(3)]),
  status: z.enum(RECERTIFICATION_STATUSES),
  openedOn: isoDate,
  window: z.object({ opensOn: isoDate, closesOn: isoDate }),
  fee: z.object({ tier: z.enum(MEMBERSHIP_TIERS), amountMinor: z.number().int().min(0), currency: z.string() }),
  paid: paidSchema.nullable(),
  /** Holder-written; parsed separately so that a bad checklist is a finding, not a lost document. */
  checklist: z.unknown().optional(),
  letterEvidenceId: z.unknown().optional(),
  submission: z.number().int().min(0).default(0),
});
export type RecertificationApplication = z.infer<typeof recertificationApplicationSchema>;

/** The fields of the extension's payment document (a Stripe PaymentIntent) that matter here. */
export const stripePaymentSchema = z.object({
  id: z.string().min(1).optional(),
  status: z.string(),
  amount: z.number().int().min(0),
  amount_received: z.number().int().min(0).optional(),
  currency: z.string(),
  metadata: z.record(z.string(), z.unknown()).nullish(),
});
export type StripePayment = z.infer<typeof stripePaymentSchema>;

/** The metadata key that ties a checkout session (and so its payment) to an application. */
export const PAYMENT_METADATA_KEY = "recertificationId";

export type PaymentVerdict =
  | { kind: "ignore"; why: string }
  | { kind: "already-recorded" }
  | { kind: "duplicate"; message: string }
  | { kind: "refused"; message: string }
  | { kind: "mark-paid"; paid: Paid };

/**
 * What a payment document (or a bank transfer) does to an application.
 * Idempotent by construction: the same payment seen twice is "already-recorded".
 */
export function paymentVerdict(
  app: Pick<RecertificationApplication, "uid" | "status" | "fee" | "paid">,
  payer: string,
  payment: {
    reference: string;
    amountMinor: number;
    currency: string;
    method: Paid["method"];
    recordedBy: string | null;
  },
  today: IsoDate,
): PaymentVerdict {
  if (app.paid?.reference === payment.reference && app.paid.method === payment.method)
    return { kind: "already-recorded" };
  if (payer !== app.uid)
    return { kind: "refused", message: "the payment was made by another account than the holder's" };
  if (app.paid) {
    return {
      kind: "duplicate",
      message: `the application is already paid (${app.paid.method} ${app.paid.reference}): this payment is to be refunded`,
    };
  }
  if (app.status !== "awaiting-payment") {
    return { kind: "refused", message: `the application is ${app.status}: it no longer awaits a payment` };
  }
  if (payment.currency.toLowerCase() !== app.fee.currency.toLowerCase() || payment.amountMinor < app.fee.amountMinor) {
    return {
      kind: "refused",
      message: `paid ${payment.amountMinor} ${payment.currency}; the fee is ${app.fee.amountMinor} ${app.fee.currency} (minor units)`,
    };
  }
  return {
    kind: "mark-paid",
    paid: {
      method: payment.method,
      reference: payment.reference,
      amountMinor: payment.amountMinor,
      currency: payment.currency.toLowerCase(),
      paidOn: today,
      recordedBy: payment.recordedBy,
    },
  };
}

/** A Stripe payment document's verdict: only `succeeded` payments tied to an application count. */
export function stripePaymentVerdict(
  app: Pick<RecertificationApplication, "uid" | "status" | "fee" | "paid">,
  payer: string,
  paymentId: string,
  payment: StripePayment,
  today: IsoDate,
): PaymentVerdict {
  if (payment.status !== "succeeded") return { kind: "ignore", why: `payment status ${payment.status}` };
  return paymentVerdict(
    app,
    payer,
    {
      reference: paymentId,
      amountMinor: payment.amount_received ?? payment.amount,
      currency: payment.currency,
      method: "stripe",
      recordedBy: null,
    },
    today,
  );
}
