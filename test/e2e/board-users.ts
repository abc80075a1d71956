// The certification team and the committee of the board screens' specs
// (11-…, 12-…): Auth users with their role claim and a profile. Either spec
// may run alone, so each creates them (an existing user is kept).
import { getAuth } from "firebase-admin/auth";
import { PASSWORD, adminDb } from "./fixtures.js";

export const BOARD = {
  admin: { uid: "e2e-rx-admin", email: "admin@e2e.test", displayName: "Ada Admin", role: "admin" },
  admin2: { uid: "e2e-rx-admin-2", email: "admin2@e2e.test", displayName: "Abe Admin", role: "admin" },
  committee: { uid: "e2e-rx-committee", email: "committee@e2e.test", displayName: "Carl Committee", role: "committee" },
  holder: { uid: "e2e-rx-holder", email: "holder@e2e.test", displayName: "Hana Holder", role: null },
} as const;

export async function createBoardUsers(): Promise<void> {
  const db = adminDb();
  const auth = getAuth();
  for (const { role, ...user } of Object.values(BOARD)) {
    await auth.createUser({ ...user, password: PASSWORD, emailVerified: true }).catch((e: { code?: string }) => {
      if (e.code !== "auth/uid-already-exists") throw e;
    });
    if (role) await auth.setCustomUserClaims(user.uid, { role });
    await db.doc(`users/${user.uid}`).set({
      displayName: user.displayName,
      email: user.email,
      country: "FR",
      membership: "non-member",
    });
  }
}
