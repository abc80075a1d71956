import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, CALLABLE_OPTIONS, documentId, parseInput } from "../../platform/guards.js";
import { submitApplication } from "../application-service.js";

const input = z.object({ applicationId: documentId("applicationId") });

/** The holder submits a paid, eligible application: what was judged is frozen. */
export const submitRecertification = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { applicationId } = parseInput(input, request.data);
  return submitApplication(firestore(), applicationId, uid, new Date());
});
