// The policy in force: config/policy (written by administrators, deep-merged
// over the defaults), or the defaults when there is none. A policy document
// that does not validate is logged and ignored: the defaults apply.
import type { Firestore } from "firebase-admin/firestore";
import { DEFAULT_POLICY, resolvePolicy, type Policy } from "./domain/policy.js";
import type { Reader } from "./reader.js";
import { logs } from "./logs.js";
import { paths } from "./paths.js";

export async function loadPolicy(db: Firestore, reader: Reader): Promise<Policy> {
  const snap = await reader.get(db.doc(paths.policy));
  if (!snap.exists) return DEFAULT_POLICY;
  const resolved = resolvePolicy(snap.data());
  if (resolved.success) return resolved.data;
  logs.policyInvalid(resolved.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  return DEFAULT_POLICY;
}
