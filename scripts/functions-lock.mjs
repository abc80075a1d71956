#!/usr/bin/env node
// Writes functions/package-lock.json from the root lock file, so that
// `firebase deploy` (which uploads functions/ alone; Cloud Build runs `npm ci`
// there) installs exactly the production dependencies the tests ran with.
//   node scripts/functions-lock.mjs           write it
//   node scripts/functions-lock.mjs --check   fail when it is missing or out of step (npm test runs this)
//
// The root lock (npm workspaces) is the one source of truth: this script takes
// the closure of the functions workspace's dependencies in it, resolved the way
// Node resolves them from functions/, and lays it out as a standalone tree.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const WORKSPACE = "functions";
const target = join(root, WORKSPACE, "package-lock.json");

function fail(message) {
  console.error(`functions-lock: ${message}`);
  process.exit(1);
}

/** Where Node would find `name` when required from the package installed at `from`. */
function locate(packages, from, name) {
  const parts = from.split("/");
  for (let i = parts.length; i >= 0; i--) {
    if (i > 0 && parts[i - 1] === "node_modules") continue; // not a package directory
    const base = parts.slice(0, i).join("/");
    const candidate = `${base ? `${base}/` : ""}node_modules/${name}`;
    if (packages[candidate]) return candidate;
  }
  return null;
}

/** The standalone path of a root-lock path (functions/node_modules/x -> node_modules/x). */
const standalone = (path) => (path.startsWith(`${WORKSPACE}/`) ? path.slice(WORKSPACE.length + 1) : path);

export function functionsLock() {
  const rootLock = JSON.parse(readFileSync(join(root, "package-lock.json"), "utf8"));
  const manifest = JSON.parse(readFileSync(join(root, WORKSPACE, "package.json"), "utf8"));
  const packages = rootLock.packages;
  const workspace = packages[WORKSPACE];
  if (!workspace) fail(`the root lock has no "${WORKSPACE}" workspace: run npm install`);
  if (JSON.stringify(workspace.dependencies ?? {}) !== JSON.stringify(manifest.dependencies ?? {})) {
    fail(`the root lock is out of step with ${WORKSPACE}/package.json: run npm install`);
  }

  const out = {};
  const queue = [[WORKSPACE, manifest.dependencies ?? {}, {}]];
  while (queue.length) {
    const [from, required, optional] = queue.shift();
    for (const name of Object.keys({ ...required, ...optional })) {
      const path = locate(packages, from, name);
      if (!path) {
        if (name in optional) continue; // an optional dependency not installed on this platform
        fail(`${name} (needed by ${from}) is not in the root lock: run npm install`);
      }
      const placed = standalone(path);
      if (out[placed]) {
        if (out[placed].source !== path) fail(`${placed} would come from both ${out[placed].source} and ${path}`);
        continue;
      }
      const entry = packages[path];
      out[placed] = { source: path, entry };
      const peers = Object.fromEntries(
        Object.entries(entry.peerDependencies ?? {}).filter(([peer]) => !entry.peerDependenciesMeta?.[peer]?.optional),
      );
      queue.push([path, { ...entry.dependencies, ...peers }, entry.optionalDependencies ?? {}]);
    }
  }

  const lock = {
    name: WORKSPACE,
    lockfileVersion: 3,
    requires: true,
    packages: {
      "": { name: WORKSPACE, dependencies: manifest.dependencies, engines: manifest.engines },
    },
  };
  for (const placed of Object.keys(out).sort()) {
    // Development flags of the root tree mean nothing here: everything in this tree is production.
    const { dev: _dev, devOptional, ...entry } = out[placed].entry;
    lock.packages[placed] = devOptional ? { ...entry, optional: true } : entry;
  }
  return `${JSON.stringify(lock, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const text = functionsLock();
  if (process.argv.includes("--check")) {
    if (!existsSync(target) || readFileSync(target, "utf8") !== text) {
      fail(`${WORKSPACE}/package-lock.json is missing or out of step with the root lock: run npm run lock:functions`);
    }
    console.log(`functions-lock: ${WORKSPACE}/package-lock.json is in step with the root lock`);
  } else {
    writeFileSync(target, text);
    console.log(
      `functions-lock: wrote ${WORKSPACE}/package-lock.json (${Object.keys(JSON.parse(text).packages).length - 1} packages)`,
    );
  }
}
