import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, documentId, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { requestContent } from "../domain/index.js";
import { resubmitRequest as resubmit } from "../request-service.js";

const input = z.object({ requestId: documentId("requestId"), content: requestContent });

/** The candidate sends the request again after changes were requested; the decision clock restarts. */
export const resubmitRequest = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { requestId, content } = parseInput(input, request.data);
  return resubmit(firestore(), uid, requestId, content, new Date());
});
