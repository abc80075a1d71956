import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { withdrawRequest as withdraw } from "../request-service.js";

const input = z.object({
  requestId: documentId("requestId"),
  reason: z.string().trim().max(5000).nullish(),
});

/** The candidate withdraws their request before it is decided. */
export const withdrawRequest = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { requestId, reason } = parseInput(input, request.data);
  return withdraw(firestore(), uid, requestId, reason || null, new Date());
});
