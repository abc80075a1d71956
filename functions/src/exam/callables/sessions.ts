// Sessions and registrations: thin entry points over ../sessions.ts.
import { onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { firestore } from "../../platform/firestore.js";
import { assertRole, assertSignedIn, CALLABLE_OPTIONS, documentId, parseInput } from "../../platform/guards.js";
import { cancelRegistration, createSession, exportSessionRegistrations, register, registerInput } from "../sessions.js";

/** Admins create a session for a sitting date; the windows come from the policy. */
export const createExamSession = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertRole(request, ["admin"]);
  const input = parseInput(
    z.object({ sittingDate: z.string(), title: z.string().trim().min(1).max(200).optional() }),
    request.data,
  );
  return createSession(firestore(), input, uid, new Date());
});

/** A candidate registers for a session while registration is open. */
export const registerForExam = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  return register(firestore(), uid, parseInput(registerInput, request.data), new Date());
});

/** A candidate cancels their registration until registration closes. */
export const cancelExamRegistration = onCall(CALLABLE_OPTIONS, async (request) => {
  const uid = assertSignedIn(request);
  const { sessionId } = parseInput(z.object({ sessionId: documentId("sessionId") }), request.data);
  await cancelRegistration(firestore(), uid, sessionId, new Date());
  return { cancelled: true };
});

/** The registrations as the proctoring platform's CSV (docs/exam.md). */
export const exportExamRegistrations = onCall(CALLABLE_OPTIONS, async (request) => {
  assertRole(request, ["admin"]);
  const { sessionId } = parseInput(z.object({ sessionId: documentId("sessionId") }), request.data);
  return exportSessionRegistrations(firestore(), sessionId);
});
