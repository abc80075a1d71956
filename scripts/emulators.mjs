#!/usr/bin/env node
// Every emulator command of the project goes through here, so that the
// emulators work on machines without Internet access:
//   node scripts/emulators.mjs exec "<command>"   run <command> against fresh emulators, then stop
//   node scripts/emulators.mjs start              serve the emulators with seed data until Ctrl-C
//
// firebase-tools starts the Firestore emulator as `java -jar <jar>`. The jar
// that the Google Cloud SDK installs has no Main-Class, so we build a tiny
// manifest-only wrapper jar whose Class-Path names it. Where no local jar
// exists (a laptop with Internet), firebase-tools downloads its own as usual.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { crc32 } from "node:zlib";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const cacheDir = join(root, ".cache", "emulators");
const firebaseBin = join(root, "node_modules", ".bin", "firebase");

export const PROJECT_ID = "demo-cmr";
const BASE_EMULATORS = ["auth", "firestore", "functions"];
const FIRESTORE_MAIN = "com.google.cloud.datastore.emulator.firestore.CloudFirestore";

const firestoreJarCandidates = [
  "/usr/lib/google-cloud-sdk/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar",
  join(root, "..", "shared", "emulators", "cloud-firestore-emulator-1.19.9.jar"),
];

function fail(message) {
  console.error(`emulators: ${message}`);
  process.exit(1);
}

function checkJava() {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error) {
    fail(
      "Java is not installed. The Firestore emulator needs Java 11 or later " +
        "(on Debian: `apt-get install openjdk-17-jre-headless`).",
    );
  }
  const version = /version "(\d+)/.exec(result.stderr)?.[1];
  if (version && Number(version) < 11) {
    fail(`Java ${version} is too old for the Firestore emulator; install Java 11 or later.`);
  }
}

// A manifest line may hold at most 72 bytes; longer values continue on lines
// that start with one space.
function manifestLine(name, value) {
  const text = `${name}: ${value}`;
  const lines = [text.slice(0, 72)];
  for (let i = 72; i < text.length; i += 71) lines.push(` ${text.slice(i, i + 71)}`);
  return lines.join("\r\n");
}

// A zip with one stored (uncompressed) entry: all a manifest-only jar needs.
function zipWithOneFile(name, content) {
  const nameBytes = Buffer.from(name, "utf8");
  const data = Buffer.from(content, "utf8");
  const crc = crc32(data);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(10, 4); // version needed
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(10, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const centralOffset = local.length + nameBytes.length + data.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + nameBytes.length, 12);
  end.writeUInt32LE(centralOffset, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

function firestoreWrapperJar(realJar) {
  mkdirSync(cacheDir, { recursive: true });
  const wrapper = join(cacheDir, "cloud-firestore-emulator-wrapper.jar");
  const manifest =
    [
      "Manifest-Version: 1.0",
      manifestLine("Main-Class", FIRESTORE_MAIN),
      manifestLine("Class-Path", pathToFileURL(realJar).href),
      "Created-By: scripts/emulators.mjs",
    ].join("\r\n") + "\r\n\r\n";
  writeFileSync(wrapper, zipWithOneFile("META-INF/MANIFEST.MF", manifest));
  return wrapper;
}

/**
 * The Pub/Sub emulator runs the scheduled functions (firebase-tools wires each
 * schedule to a topic `firebase-schedule-<name>`; without Pub/Sub it ignores
 * them). Used where installed: PUBSUB_EMULATOR_BINARY_PATH, the Google Cloud
 * SDK's copy, or firebase-tools' own download in its cache. Null elsewhere: the
 * emulators then run without the schedules (and say so).
 */
export function pubsubBinary() {
  const info = JSON.parse(
    readFileSync(
      join(root, "node_modules", "firebase-tools", "lib", "emulator", "downloadableEmulatorInfo.json"),
      "utf8",
    ),
  );
  const cache = process.env.FIREBASE_EMULATORS_PATH ?? join(homedir(), ".cache", "firebase", "emulators");
  const candidates = [
    process.env.PUBSUB_EMULATOR_BINARY_PATH,
    "/usr/lib/google-cloud-sdk/platform/pubsub-emulator/bin/cloud-pubsub-emulator",
    join(cache, info.pubsub.binaryPathRelativeToCacheDir),
  ];
  return candidates.find((candidate) => candidate && existsSync(candidate)) ?? null;
}

/** The environment that makes firebase-tools use a local Firestore (and Pub/Sub) emulator. */
export function emulatorEnv() {
  const env = { ...process.env };
  // firebase-tools gives the functions' code 10 s to load; on a busy 2-core
  // machine it has been seen to take longer ("Cannot determine backend
  // specification. Timeout after 10000"), failing every test that follows.
  env.FUNCTIONS_DISCOVERY_TIMEOUT ??= "60";
  const pubsub = pubsubBinary();
  if (pubsub) env.PUBSUB_EMULATOR_BINARY_PATH = pubsub;
  if (env.FIRESTORE_EMULATOR_BINARY_PATH) return env;
  const realJar = firestoreJarCandidates.find((candidate) => existsSync(candidate));
  if (realJar) {
    env.FIRESTORE_EMULATOR_BINARY_PATH = firestoreWrapperJar(realJar);
  } else {
    console.warn(
      "emulators: no local Cloud Firestore emulator found (looked in " +
        `${firestoreJarCandidates.join(", ")}); firebase-tools will try to download one.`,
    );
  }
  return env;
}

/**
 * The Storage emulator needs a rules-runtime jar that firebase-tools downloads
 * on first use; without Internet it cannot, so Storage runs only where the
 * jar is already in firebase-tools' cache (or named by STORAGE_EMULATOR_BINARY_PATH).
 */
export function storageRulesRuntime() {
  if (process.env.STORAGE_EMULATOR_BINARY_PATH) return process.env.STORAGE_EMULATOR_BINARY_PATH;
  const info = JSON.parse(
    readFileSync(
      join(root, "node_modules", "firebase-tools", "lib", "emulator", "downloadableEmulatorInfo.json"),
      "utf8",
    ),
  );
  const cache = process.env.FIREBASE_EMULATORS_PATH ?? join(homedir(), ".cache", "firebase", "emulators");
  const jar = join(cache, info.storage.downloadPathRelativeToCacheDir);
  return existsSync(jar) ? jar : null;
}

// EMULATOR_PORT_OFFSET=n shifts every emulator port by n (through a generated
// config next to firebase.json), so that two checkouts can run their suites
// side by side on one machine. The base ports in firebase.json differ from each
// other by something other than a multiple of 100 (or by more than 1000), so
// that checkouts whose offsets are multiples of 100 never take each other's ports.
const portOffset = Number(process.env.EMULATOR_PORT_OFFSET ?? 0);
const basePorts = JSON.parse(readFileSync(join(root, "firebase.json"), "utf8")).emulators;
const port = (base) => (typeof base === "string" ? basePorts[base].port : base) + portOffset;

function configArgs() {
  if (!portOffset) return [];
  const config = JSON.parse(readFileSync(join(root, "firebase.json"), "utf8"));
  for (const settings of Object.values(config.emulators)) {
    if (typeof settings === "object" && typeof settings.port === "number") settings.port = port(settings.port);
  }
  config.emulators.firestore.websocketPort = port(9150);
  const file = join(root, ".firebase.offset.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  return ["--config", file];
}

// The web client (web/) is served on the Hosting emulator once it is built.
const webBuilt = () => existsSync(join(root, "web", "dist", "index.html"));
const webUrl = () => `http://127.0.0.1:${port("hosting")}`;

function emulators() {
  const pubsub = pubsubBinary();
  if (!pubsub) {
    console.warn(
      "emulators: no Pub/Sub emulator found (set PUBSUB_EMULATOR_BINARY_PATH, or install the Google Cloud SDK's " +
        "google-cloud-cli-pubsub-emulator): the scheduled functions are not loaded, and the tests of them do not run.",
    );
  }
  return [
    ...BASE_EMULATORS,
    ...(pubsub ? ["pubsub"] : []),
    ...(storageRulesRuntime() ? ["storage"] : []),
    ...(webBuilt() ? ["hosting"] : []),
  ].join(",");
}

function firebase(args, env) {
  // The Functions emulator's address is not exported by firebase-tools; tests and scripts read it here.
  env = { ...env, FUNCTIONS_EMULATOR_HOST: `127.0.0.1:${port("functions")}`, WEB_URL: webUrl() };
  return spawn(firebaseBin, [...args, ...configArgs(), "--project", PROJECT_ID], { cwd: root, env, stdio: "inherit" });
}

function exitWith(child) {
  child.on("exit", (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
}

function exec(command) {
  if (!command) fail('usage: node scripts/emulators.mjs exec "<command>"');
  exitWith(firebase(["emulators:exec", "--only", emulators(), command], emulatorEnv()));
}

async function waitForPort(port, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 500));
    }
  }
  throw new Error(`nothing answered on port ${port} within ${timeoutMs / 1000} s`);
}

/** The functions whose triggers the seed data needs. */
const SEED_TRIGGERS = [
  "scheduleCertification",
  "revalidateOnApplicationWrite",
  "revalidateOnLogbookWrite",
  "recomputeReport",
];

/**
 * The Functions emulator answers before it has loaded the functions and
 * registered their triggers; data written before then fires nothing (the
 * seeded certification would never get its nextActionOn). Waits until it
 * lists every one of `names`.
 */
async function waitForFunctions(names, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const listed = await (await fetch(`http://127.0.0.1:${port("functions")}/backends`)).text();
      if (names.every((name) => listed.includes(`"${name}"`))) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the Functions emulator did not load ${names.join(", ")} within ${timeoutMs / 1000} s`);
}

async function start() {
  const only = emulators();
  const child = firebase(["emulators:start", "--only", only], emulatorEnv());
  exitWith(child);
  // Ctrl-C reaches firebase-tools directly (same process group); wait for it
  // to shut the emulators down. A SIGTERM to this script is passed on.
  process.on("SIGINT", () => {});
  process.on("SIGTERM", () => child.kill("SIGINT"));
  // The Functions emulator is the last to come up; seed once its triggers are in place,
  // so that the seed's documents get what the triggers add (reports, nextActionOn).
  await waitForPort(port("auth"), 120_000);
  await waitForFunctions(SEED_TRIGGERS, 120_000);
  const seed = spawnSync(process.execPath, [join(root, "scripts", "seed.mjs")], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      FIRESTORE_EMULATOR_HOST: `127.0.0.1:${port("firestore")}`,
      FIREBASE_AUTH_EMULATOR_HOST: `127.0.0.1:${port("auth")}`,
      GCLOUD_PROJECT: PROJECT_ID,
      SEED_WAIT_FOR_TRIGGERS: "true",
    },
  });
  if (seed.status !== 0) console.error("emulators: seeding failed (see above); the emulators keep running.");
  console.log(`
  CMR certification backend, project ${PROJECT_ID}, on the local emulators:
    Firestore    127.0.0.1:${port("firestore")}   (data: applications/demo-application, users/demo-candidate, ...)
    Auth         127.0.0.1:${port("auth")}   (candidate@demo.cmr, supervisor@demo.cmr, committee@demo.cmr, admin@demo.cmr; password demo-password)
    Functions    http://127.0.0.1:${port("functions")}/${PROJECT_ID}/europe-west1/<name>
    Cloud Tasks  127.0.0.1:${port("tasks")}   (the debounced report recomputation)
    Pub/Sub      ${only.includes("pubsub") ? `127.0.0.1:${port("pubsub")}   (the four daily jobs: npm run job -- recertification 2027-03-01)` : "not installed: the daily jobs are not loaded"}
    Web client   ${webBuilt() ? `${webUrl()}   (Hosting emulator; sign in with a demo account above)` : "not built (npm run build --workspace web)"}
  The demo logbook has 149 of the 150 cases Level 2 needs: add one under
  applications/demo-application/cases and watch applications/demo-application/validation/current.
  Press Ctrl-C to stop.
`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  checkJava();
  const [command, ...rest] = process.argv.slice(2);
  if (command === "exec") exec(rest.join(" "));
  else if (command === "start") await start();
  else fail('usage: node scripts/emulators.mjs exec "<command>" | start');
}
