import { HttpsError, onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertRole, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { reassign } from "../assign-graders.js";

const input = z.object({
  applicationId: documentId("applicationId"),
  replaceGraderUid: documentId("replaceGraderUid").nullable(),
  reason: z.string().trim().min(1, "give a reason").max(2000),
});

/** The committee replaces a grader (or fills an unassigned application), with a reason. */
export const reassignGrader = onCall(CALLABLE_OPTIONS, async (request) => {
  const by = assertRole(request, ["committee", "chair"]);
  const { applicationId, replaceGraderUid, reason } = parseInput(input, request.data);
  const result = await reassign(
    firestore(),
    { appId: applicationId, replace: replaceGraderUid, reason, by },
    new Date(),
  );
  if (!result.ok) throw new HttpsError(result.code, result.message);
  return { graderUids: result.graderUids };
});
