import { onCall } from "firebase-functions/v2/https";
import { firestore } from "../../platform/firestore.js";
import { assertRole, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { gradeInputSchema } from "../domain/grade.js";
import { gradeApplication as grade } from "../grading-service.js";

const input = gradeInputSchema.extend({ applicationId: documentId("applicationId") });

/** An assigned grader records their grade: each area, an overall pass or fail, and a comment. Final once recorded. */
export const gradeApplication = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["grader"]);
  const { applicationId, ...g } = parseInput(input, request.data);
  return grade(firestore(), applicationId, uid, g, new Date());
});
