import { getAuth } from "firebase-admin/auth";
import { HttpsError, onCall } from "firebase-functions/v2/https";
import { z } from "zod";
import { logs } from "../../platform/logs.js";
import { assertRole, documentId, parseInput, ROLES, CALLABLE_OPTIONS } from "../../platform/guards.js";

const input = z.object({ uid: documentId("uid"), role: z.enum(ROLES).nullable() });

/** Admins give or take a role (a custom claim); null removes it. */
export const setRole = onCall(CALLABLE_OPTIONS, async (request) => {
  const caller = assertRole(request, ["admin"]);
  const { uid, role } = parseInput(input, request.data);
  if (uid === caller && role !== "admin") {
    throw new HttpsError("failed-precondition", "Admins cannot remove their own admin role; ask another admin.");
  }
  const auth = getAuth();
  const user = await auth.getUser(uid).catch(() => null);
  if (!user) throw new HttpsError("not-found", `No user ${uid}.`);
  const { role: _previous, ...otherClaims } = user.customClaims ?? {};
  await auth.setCustomUserClaims(uid, role ? { ...otherClaims, role } : otherClaims);
  logs.roleChanged(uid, role, caller);
  return { uid, role };
});
