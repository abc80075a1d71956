import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { submitApplication as submit } from "../application-lifecycle.js";
import { assertSignedIn, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";

const input = z.object({ applicationId: documentId("applicationId") });

/** The owner submits; refused with the error findings when not eligible. */
export const submitApplication = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { applicationId } = parseInput(input, request.data);
  const { submission, report } = await submit(firestore(), applicationId, uid, new Date());
  return { status: "submitted", submission, report };
});
