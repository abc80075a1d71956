// The policy in force (config/policy over the defaults), for the browser's own
// checks; the defaults until it is read, or when it cannot be (the server's
// checks stay the authority).
import { useEffect, useState } from "react";
import { doc, getDoc } from "firebase/firestore";
import { DEFAULT_POLICY, resolvePolicy, type Policy } from "../../functions/src/platform/domain/policy";
import { sdk } from "./firebase";

export function usePolicy(): Policy {
  const [policy, setPolicy] = useState<Policy>(DEFAULT_POLICY);
  useEffect(() => {
    getDoc(doc(sdk().db, "config", "policy"))
      .then((snap) => {
        const resolved = snap.exists() ? resolvePolicy(snap.data()) : null;
        if (resolved?.success) setPolicy(resolved.data);
      })
      .catch(() => undefined);
  }, []);
  return policy;
}
