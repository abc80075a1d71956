import { getFirestore, type Firestore } from "firebase-admin/firestore";

let db: Firestore | undefined;

/** The Firestore client, created on first use (never at module load). */
export function firestore(): Firestore {
  if (!db) {
    db = getFirestore();
    // Optional fields of parsed documents may be undefined: leave them out rather than fail.
    db.settings({ ignoreUndefinedProperties: true });
  }
  return db;
}
