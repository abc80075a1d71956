// Reads that work the same inside a transaction and outside it, so that one
// loader serves both (submission reads in a transaction, revalidation does not).
import type {
  DocumentReference,
  DocumentSnapshot,
  Firestore,
  Query,
  QuerySnapshot,
  Transaction,
} from "firebase-admin/firestore";

export interface Reader {
  get(ref: DocumentReference): Promise<DocumentSnapshot>;
  getAll(refs: DocumentReference[]): Promise<DocumentSnapshot[]>;
  query(query: Query): Promise<QuerySnapshot>;
}

export const directReader = (db: Firestore): Reader => ({
  get: (ref) => ref.get(),
  getAll: (refs) => (refs.length ? db.getAll(...refs) : Promise.resolve([])),
  query: (query) => query.get(),
});

export const transactionReader = (tx: Transaction): Reader => ({
  get: (ref) => tx.get(ref),
  getAll: (refs) => (refs.length ? tx.getAll(...refs) : Promise.resolve([])),
  query: (query) => tx.get(query),
});
