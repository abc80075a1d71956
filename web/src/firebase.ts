// Connects the modular Firebase SDK. The configuration comes from Firebase
// Hosting's reserved URL /__/firebase/init.json, so the same build runs on
// the Hosting emulator and on a deployed site. On the emulator (a local host
// name), /__/firebase/init.js?useEmulator=true names the other emulators'
// addresses, whatever port offset they were started with.
import { initializeApp, type FirebaseApp } from "firebase/app";
import { connectAuthEmulator, getAuth, type Auth } from "firebase/auth";
import { connectFirestoreEmulator, getFirestore, type Firestore } from "firebase/firestore";
import type { Functions } from "firebase/functions";

/** Where the Cloud Functions run (functions/src/platform/region.ts). */
export const REGION = "europe-west1";

interface EmulatorAddress {
  host: string;
  port: number;
  hostAndPort: string;
}
type Emulators = Partial<Record<"auth" | "firestore" | "functions" | "storage", EmulatorAddress>>;

export interface Services {
  app: FirebaseApp;
  auth: Auth;
  db: Firestore;
  emulators: Emulators | null;
}

const isLocal = (host: string) => host === "localhost" || host === "127.0.0.1" || host === "[::1]";

/** The emulators' addresses from the Hosting emulator's init script (a JSON literal in it). */
export function emulatorsFromInitScript(script: string): Emulators | null {
  const match = /var firebaseEmulators = (\{[\s\S]*?\n\});/.exec(script);
  return match ? (JSON.parse(match[1]) as Emulators) : null;
}

async function load(): Promise<Services> {
  const response = await fetch("/__/firebase/init.json");
  if (!response.ok) {
    throw new Error(
      "This page must be served by Firebase Hosting (or its emulator): /__/firebase/init.json is missing.",
    );
  }
  const config = await response.json();
  // Read before Auth starts: connectAuthEmulator must run before Auth restores a signed-in user.
  const emulators = isLocal(location.hostname)
    ? emulatorsFromInitScript(await fetch("/__/firebase/init.js?useEmulator=true").then((r) => r.text()))
    : null;
  const app = initializeApp(config);
  const auth = getAuth(app);
  if (emulators?.auth) connectAuthEmulator(auth, `http://${emulators.auth.hostAndPort}`, { disableWarnings: true });
  const db = getFirestore(app);
  if (emulators?.firestore) connectFirestoreEmulator(db, emulators.firestore.host, emulators.firestore.port);
  return { app, auth, db, emulators };
}

let services: Promise<Services> | null = null;
let ready: Services | null = null;
/** The Firebase services, connected once. */
export const firebaseReady = (): Promise<Services> => (services ??= load().then((s) => (ready = s)));

/** The services after firebaseReady() resolved (the app renders only then). */
export function sdk(): Services {
  if (!ready) throw new Error("Firebase is not initialised yet");
  return ready;
}

let functions: Promise<Functions> | null = null;
/** Cloud Functions, loaded on first use: the first screen does not need them. */
export function cloudFunctions(): Promise<Functions> {
  functions ??= (async () => {
    const { app, emulators } = await firebaseReady();
    const { connectFunctionsEmulator, getFunctions } = await import("firebase/functions");
    const fns = getFunctions(app, REGION);
    if (emulators?.functions) connectFunctionsEmulator(fns, emulators.functions.host, emulators.functions.port);
    return fns;
  })();
  return functions;
}
