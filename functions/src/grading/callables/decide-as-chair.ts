import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertRole, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { decideAsChair as decide } from "../decision-service.js";

const input = z.object({
  applicationId: documentId("applicationId"),
  outcome: z.enum(["passed", "failed"]),
  reason: z.string().trim().min(1, "give the reason for the decision").max(5000),
});

/** The chair decides when the two graders disagree; the decision is final. */
export const decideAsChair = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["chair"]);
  const { applicationId, outcome, reason } = parseInput(input, request.data);
  await decide(firestore(), applicationId, uid, outcome, reason, new Date());
  return { outcome };
});
