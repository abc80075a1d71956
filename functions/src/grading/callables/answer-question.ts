import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { answerQuestion as answer } from "../grading-service.js";

const input = z.object({
  applicationId: documentId("applicationId"),
  questionId: documentId("questionId"),
  text: z.string().trim().min(1, "answer with some text").max(10000),
  evidenceIds: z.array(documentId("evidenceId")).max(20).default([]),
});

/** The candidate answers a grader's question with text and accepted evidence files. */
export const answerQuestion = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { applicationId, questionId, text, evidenceIds } = parseInput(input, request.data);
  await answer(
    firestore(),
    applicationId,
    questionId,
    uid,
    { text, evidenceIds: [...new Set(evidenceIds)] },
    new Date(),
  );
  return { status: "answered" };
});
