import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertRole, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { decisionInput } from "../domain/index.js";
import { decideRequest as decide } from "../request-service.js";

const input = z.object({ requestId: documentId("requestId"), decision: decisionInput });

/** The committee or exam board grants or refuses a request, with reasons; a grant applies the kind's effect. */
export const decideRequest = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["committee", "chair"]);
  const { requestId, decision } = parseInput(input, request.data);
  return decide(firestore(), uid, requestId, decision, new Date());
});
