import { getFirestore, type Firestore } from "firebase-admin/firestore";

let db: Firestore | undefined;

/** The Firestore client, created on first use (never at module load). */
export function firestore(): Firestore {
  db ??= getFirestore();
  return db;
}
