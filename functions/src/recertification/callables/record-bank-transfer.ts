import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { isoDate } from "../../platform/domain/programme.js";
import { firestore } from "../../platform/firestore.js";
import { assertRole, CALLABLE_OPTIONS, documentId, parseInput } from "../../platform/guards.js";
import { recordBankTransfer as record } from "../payment-service.js";

const input = z.object({
  applicationId: documentId("applicationId"),
  reference: z.string().trim().min(1, "give the transfer's reference").max(200),
  amountMinor: z.number().int().min(1).max(10_000_000),
  currency: z.string().regex(/^[A-Za-z]{3}$/, "an ISO 4217 code such as EUR"),
  receivedOn: isoDate,
});

/** The certification team records a bank transfer that paid an application. */
export const recordRecertificationBankTransfer = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["admin"]);
  const { applicationId, ...transfer } = parseInput(input, request.data);
  return record(firestore(), applicationId, uid, transfer);
});
