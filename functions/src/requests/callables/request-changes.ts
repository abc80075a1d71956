import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertRole, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { requestChanges as ask } from "../request-service.js";

const input = z.object({
  requestId: documentId("requestId"),
  reason: z.string().trim().min(1, "say what must change").max(5000),
});

/** The committee or exam board asks the candidate to change a request; the decision clock stops. */
export const requestChanges = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["committee", "chair"]);
  const { requestId, reason } = parseInput(input, request.data);
  return ask(firestore(), uid, requestId, reason, new Date());
});
