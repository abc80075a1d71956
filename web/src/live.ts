// Firestore listeners as React state: one document, or the documents of a
// query. `error` is what a person reads when the rules refuse the read.
import { useEffect, useState } from "react";
import { onSnapshot, type DocumentReference, type Query } from "firebase/firestore";
import { describeError, type ErrorContext } from "./errors";

export interface LiveDoc<T> {
  id: string;
  data: T;
}

export interface Live<T> {
  /** undefined while loading; null when the document does not exist. */
  value: T | undefined;
  error: string | null;
}

/** One document, live; `key` changes when the reference does (refs are not comparable). */
export function useLiveDoc<T>(
  ref: DocumentReference | null,
  key: string,
  context: ErrorContext,
): Live<LiveDoc<T> | null> {
  const [state, setState] = useState<Live<LiveDoc<T> | null>>({ value: undefined, error: null });
  useEffect(() => {
    setState({ value: undefined, error: null });
    if (!ref) return;
    return onSnapshot(
      ref,
      (snap) => setState({ value: snap.exists() ? { id: snap.id, data: snap.data() as T } : null, error: null }),
      (err) => setState({ value: null, error: describeError(err, context) }),
    );
  }, [key]);
  return state;
}

/** The documents of a query, live. */
export function useLiveQuery<T>(q: Query | null, key: string, context: ErrorContext): Live<LiveDoc<T>[]> {
  const [state, setState] = useState<Live<LiveDoc<T>[]>>({ value: undefined, error: null });
  useEffect(() => {
    setState({ value: undefined, error: null });
    if (!q) return;
    return onSnapshot(
      q,
      (snap) => setState({ value: snap.docs.map((d) => ({ id: d.id, data: d.data() as T })), error: null }),
      (err) => setState({ value: [], error: describeError(err, context) }),
    );
  }, [key]);
  return state;
}
