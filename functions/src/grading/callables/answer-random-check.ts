import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { answerRandomCheck as answer } from "../grading-service.js";

const input = z.object({
  applicationId: documentId("applicationId"),
  checkId: documentId("checkId"),
  confirmed: z.boolean(),
  comment: z.string().trim().min(1).max(2000).nullable().default(null),
});

/** The supervisor named on a sampled case confirms or denies that they supervised it. */
export const answerRandomCheck = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { applicationId, checkId, confirmed, comment } = parseInput(input, request.data);
  await answer(firestore(), applicationId, checkId, uid, { confirmed, comment }, new Date());
  return { status: confirmed ? "confirmed" : "denied" };
});
