import { onCall } from "firebase-functions/v2/https";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, parseInput, CALLABLE_OPTIONS } from "../../platform/guards.js";
import { requestContent } from "../domain/index.js";
import { submitRequest as submit } from "../request-service.js";

/** A candidate sends a request of any kind (docs/requests.md); the content says which. */
export const submitRequest = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const content = parseInput(requestContent, request.data);
  return submit(firestore(), uid, content, new Date());
});
