import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertRole, CALLABLE_OPTIONS, documentId, parseInput, roleOf } from "../../platform/guards.js";
import { decideRecertification as decide } from "../decision-service.js";

const input = z.object({
  applicationId: documentId("applicationId"),
  outcome: z.enum(["renew", "refuse"]),
  reasons: z.array(z.string().trim().min(1).max(5000)).max(20).default([]),
});

/** A committee member reviews a submitted application; a chair settles a split. */
export const decideRecertification = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["committee", "chair"]);
  const { applicationId, outcome, reasons } = parseInput(input, request.data);
  return decide(firestore(), applicationId, { uid, chair: roleOf(request) === "chair" }, outcome, reasons, new Date());
});
