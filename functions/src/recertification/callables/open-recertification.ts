import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertSignedIn, CALLABLE_OPTIONS, documentId, parseInput } from "../../platform/guards.js";
import { openApplication } from "../application-service.js";

const input = z.object({ certificationId: documentId("certificationId") });

/** The holder opens a recertification application inside the window (server date, Europe/Paris). */
export const openRecertification = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { certificationId } = parseInput(input, request.data);
  return openApplication(firestore(), certificationId, uid, new Date());
});
