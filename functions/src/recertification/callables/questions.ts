import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertRole, assertSignedIn, CALLABLE_OPTIONS, documentId, parseInput } from "../../platform/guards.js";
import { answerQuestion, askQuestion } from "../questions.js";

const askInput = z.object({
  applicationId: documentId("applicationId"),
  text: z.string().trim().min(1, "write the question").max(5000),
});

/** A committee member asks the holder of a submitted application for more information. */
export const askRecertificationQuestion = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["committee", "chair"]);
  const { applicationId, text } = parseInput(askInput, request.data);
  return askQuestion(firestore(), applicationId, uid, text, new Date());
});

const answerInput = z.object({
  applicationId: documentId("applicationId"),
  questionId: documentId("questionId"),
  answer: z.string().trim().min(1, "write the answer").max(10000),
  evidenceIds: z.array(documentId("evidenceId")).max(20).default([]),
});

/** The holder answers; the decision may then be made. */
export const answerRecertificationQuestion = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { applicationId, questionId, answer, evidenceIds } = parseInput(answerInput, request.data);
  await answerQuestion(firestore(), applicationId, questionId, uid, answer, evidenceIds);
  return { answered: true };
});
