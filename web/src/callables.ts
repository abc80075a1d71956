// Calls a callable Cloud Function by name (loaded on first use: the first
// screen does not need the Functions SDK).
import { cloudFunctions } from "./firebase";

export async function callFunction<Out = unknown>(name: string, data: Record<string, unknown>): Promise<Out> {
  const { httpsCallable } = await import("firebase/functions");
  const call = httpsCallable<Record<string, unknown>, Out>(await cloudFunctions(), name);
  return (await call(data)).data;
}
