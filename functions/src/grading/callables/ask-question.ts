import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertRole, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { askQuestion as ask } from "../grading-service.js";

const input = z.object({
  applicationId: documentId("applicationId"),
  text: z.string().trim().min(1, "ask something").max(5000),
});

/** An assigned grader asks the candidate for more information (e.g. full reports of named cases). */
export const askQuestion = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["grader"]);
  const { applicationId, text } = parseInput(input, request.data);
  return ask(firestore(), applicationId, uid, text, new Date());
});
