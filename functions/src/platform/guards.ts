// Small guards every callable starts with: who is calling, with what role,
// and is the input what we expect.
import { defineBoolean } from "firebase-functions/params";
import { HttpsError, type CallableRequest } from "firebase-functions/v2/https";
import { z } from "zod";
import { describeIssue } from "./domain/issues.js";

export const ROLES = ["committee", "grader", "admin", "chair"] as const;
export type Role = (typeof ROLES)[number];

export function assertSignedIn(request: CallableRequest): string {
  if (!request.auth) throw new HttpsError("unauthenticated", "Sign in first.");
  return request.auth.uid;
}

/** Roles come only from Auth custom claims, never from documents. */
export function roleOf(request: CallableRequest): Role | null {
  const role = request.auth?.token.role;
  return ROLES.includes(role) ? (role as Role) : null;
}

export function assertRole(request: CallableRequest, allowed: readonly Role[]): string {
  const uid = assertSignedIn(request);
  const role = roleOf(request);
  if (!role || !allowed.includes(role)) {
    throw new HttpsError("permission-denied", `Only ${allowed.join(" or ")} members may do this.`);
  }
  return uid;
}

export function parseInput<T extends z.ZodType>(schema: T, data: unknown): z.infer<T> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    throw new HttpsError("invalid-argument", `Invalid request: ${parsed.error.issues.map(describeIssue).join("; ")}`, {
      issues: parsed.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })),
    });
  }
  return parsed.data;
}

/** A Firestore document id: non-empty, no slash. */
export const documentId = (what: string) =>
  z
    .string()
    .min(1, `${what} is required`)
    .max(200)
    .regex(/^[^/]+$/, `${what} must be a document id`);

/**
 * App Check on every callable: in production a call without a valid App Check
 * token is refused (`unauthenticated`) before the handler runs. A param, so a
 * project can turn it off while its clients adopt App Check; the emulators set
 * it to false in functions/.env.local (read by the emulators only), since they
 * have no App Check attestation.
 */
export const APP_CHECK_ENFORCED = defineBoolean("APP_CHECK_ENFORCED", {
  default: true,
  description: "Refuse callable requests without a valid App Check token (docs/operations.md)",
});

/** The options every callable is declared with: `onCall(CALLABLE_OPTIONS, handler)`. */
export const CALLABLE_OPTIONS = { enforceAppCheck: APP_CHECK_ENFORCED } as const;
