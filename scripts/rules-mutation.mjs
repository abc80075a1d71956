#!/usr/bin/env node
// Mutation check for firestore.rules: removes or weakens one clause at a time
// on a temporary copy and runs the rules tests against it. A mutant that no
// test notices shows a clause the tests do not pin down.
//   npm run test:rules-mutation                 every mutant (starts the emulators once)
//   npm run test:rules-mutation -- --list       print the mutants, run nothing
//   npm run test:rules-mutation -- --line 120   only mutants on that line of firestore.rules
//   npm run test:rules-mutation -- --line 120-122,163  only mutants on those lines
//   npm run test:rules-mutation -- --all        also the documented survivors
//
// A survivor that no test can kill (an equivalent mutant, or one that only
// the hour of the run decides) is written down with its reason in
// test/mutation/rules-documented.mjs and not run again while its expression
// is unchanged. The run fails if any other mutant survives.
//
// One Firestore emulator and one vitest (Node API) serve the whole run. The
// unmutated rules are first run one test file at a time, reading the
// emulator's rule coverage after each, so that each mutant runs first the
// files that evaluate some of the expression it changes (a file that never
// evaluates it should not tell the difference). Each mutant is tried first
// against the tests that killed earlier mutants of its match block, then
// against all earlier killers, then against those files in full, then the
// other files (the coverage report is a guide, not a proof); a run stops at
// its first failing test, so only surviving mutants run every file to the end.
//
// Mutants: a condition of one clause replaced by `true`, each operand of an
// `&&` replaced by `true` (the clause removed),
// each operand of an `||` replaced by `false`, and each `<`, `<=`, `>`, `>=`
// moved by one step (`<=` -> `<`...). Expressions are those after `if` in
// `allow` statements and after `return` in functions, down through brackets
// and function arguments.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { DOCUMENTED } from "../test/mutation/rules-documented.mjs";
import { emulatorEnv, PROJECT_ID } from "./emulators.mjs";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const rulesPath = join(root, "firestore.rules");

/** Indexes of the code (outside strings and comments) with bracket depth. */
function scan(text) {
  const code = new Array(text.length).fill(false);
  let quote = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"') quote = c;
    else if (c === "/" && text[i + 1] === "/") while (i < text.length && text[i] !== "\n") i++;
    else code[i] = true;
  }
  return code;
}

const OPEN = "([{";
const CLOSE = ")]}";

/** Splits [start, end) at depth 0 on `separator` (a string of code). */
function splitTop(text, code, start, end, separator) {
  const parts = [];
  let depth = 0;
  let from = start;
  for (let i = start; i < end; i++) {
    if (!code[i]) continue;
    if (OPEN.includes(text[i])) depth++;
    else if (CLOSE.includes(text[i])) depth--;
    else if (depth === 0 && text.startsWith(separator, i)) {
      parts.push([from, i]);
      from = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push([from, end]);
  return parts;
}

function trim(text, [start, end]) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return [start, end];
}

/** Every mutant of the expression in [start, end): {start, end, replacement, kind}. */
function mutantsOf(text, code, start, end, out) {
  const disjuncts = splitTop(text, code, start, end, "||").map((p) => trim(text, p));
  if (disjuncts.length > 1) {
    for (const [s, e] of disjuncts) out.push({ start: s, end: e, replacement: "false", kind: "|| operand -> false" });
  }
  for (const [ds, de] of disjuncts) {
    const conjuncts = splitTop(text, code, ds, de, "&&").map((p) => trim(text, p));
    if (conjuncts.length > 1) {
      for (const [s, e] of conjuncts) out.push({ start: s, end: e, replacement: "true", kind: "&& operand -> true" });
    }
    for (const [s, e] of conjuncts) atomMutants(text, code, s, e, out);
  }
}

const STEPS = { "<=": "<", ">=": ">", "<": "<=", ">": ">=" };

/** Inside an operand: comparisons at its own level, then each bracketed group's arguments. */
function atomMutants(text, code, start, end, out) {
  let depth = 0;
  for (let i = start; i < end; i++) {
    if (!code[i]) continue;
    const c = text[i];
    if (OPEN.includes(c)) {
      if (depth === 0) {
        const close = matching(text, code, i);
        if (c !== "[") {
          for (const arg of splitTop(text, code, i + 1, close, ",")) {
            const [s, e] = trim(text, arg);
            if (s < e) mutantsOf(text, code, s, e, out);
          }
        }
        i = close;
        continue;
      }
      depth++;
    } else if (CLOSE.includes(c)) depth--;
    else if (depth === 0 && (c === "<" || c === ">") && text[i - 1] !== "=" && text[i + 1] !== ">") {
      const op = text[i + 1] === "=" ? c + "=" : c;
      out.push({ start: i, end: i + op.length, replacement: STEPS[op], kind: `${op} -> ${STEPS[op]}` });
      i += op.length - 1;
    }
  }
}

function matching(text, code, open) {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (!code[i]) continue;
    if (OPEN.includes(text[i])) depth++;
    else if (CLOSE.includes(text[i]) && --depth === 0) return i;
  }
  throw new Error(`unbalanced bracket at offset ${open}`);
}

/** The expressions of the rules: after `if` in allow statements, after `return` in functions. */
export function rulesMutants(text) {
  const code = scan(text);
  const out = [];
  const starts = /\ballow\s+[a-z, ]+:\s*if\b|\breturn\b/g;
  for (const match of text.matchAll(starts)) {
    if (!code[match.index]) continue;
    const start = match.index + match[0].length;
    let end = start;
    let depth = 0;
    for (; end < text.length; end++) {
      if (!code[end]) continue;
      if (OPEN.includes(text[end])) depth++;
      else if (CLOSE.includes(text[end])) depth--;
      else if (depth === 0 && text[end] === ";") break;
    }
    const [s, e] = trim(text, [start, end]);
    const from = out.length;
    const single = splitTop(text, code, s, e, "||").length === 1 && splitTop(text, code, s, e, "&&").length === 1;
    if (single && text.slice(s, e) !== "true") {
      out.push({ start: s, end: e, replacement: "true", kind: "condition -> true" });
    }
    mutantsOf(text, code, s, e, out);
    for (const m of out.slice(from)) m.statement = [s, e];
  }
  const lineOf = (offset) => text.slice(0, offset).split("\n").length;
  const flat = (from, to) => text.slice(from, to).replace(/\s+/g, " ");
  return out.map((m) => ({
    ...m,
    line: lineOf(m.start),
    original: flat(m.start, m.end),
    // Its identity, whatever line it is on: the whole expression, the part it changes in [[ ]].
    where: `${flat(m.statement[0], m.start)}[[${flat(m.start, m.end)}]]${flat(m.end, m.statement[1])}`,
  }));
}

/**
 * The documented survivors (test/mutation/rules-documented.mjs) that match a
 * mutant, by kind and expression: an edited expression no longer matches, so
 * its mutants run again.
 */
function documentedOf(m) {
  return DOCUMENTED.find((d) => d.mutants.some(([kind, where]) => kind === m.kind && where === m.where));
}

/** Runs `node <this script> <args>` inside `firebase emulators:exec` with the Firestore emulator only. */
function underFirestoreEmulator() {
  const offset = Number(process.env.EMULATOR_PORT_OFFSET ?? 0);
  const config = JSON.parse(readFileSync(join(root, "firebase.json"), "utf8"));
  // The same port shift as scripts/emulators.mjs (EMULATOR_PORT_OFFSET).
  for (const settings of Object.values(config.emulators)) {
    if (typeof settings === "object" && typeof settings.port === "number") settings.port += offset;
  }
  config.emulators.firestore.websocketPort = 9150 + offset;
  const configFile = join(root, ".firebase.offset.json");
  writeFileSync(configFile, JSON.stringify(config, null, 2));
  const self = ["node", "scripts/rules-mutation.mjs", ...process.argv.slice(2)].join(" ");
  const child = spawnSync(
    join(root, "node_modules", ".bin", "firebase"),
    ["emulators:exec", "--only", "firestore", "--config", configFile, "--project", PROJECT_ID, self],
    { cwd: root, stdio: "inherit", env: emulatorEnv() },
  );
  process.exit(child.status ?? 1);
}

/**
 * One long-lived vitest (Node API) for every run: the rules tests are
 * collected once, and each run re-executes them after the mutant has been
 * written to `rulesFile` (test/rules/setup.ts reads RULES_FILE in each file's
 * beforeAll and loads it into the running emulator). A run stops at its first
 * failing test.
 */
async function rulesTestRunner(rulesFile) {
  process.env.RULES_FILE = rulesFile;
  const { createVitest } = await import("vitest/node");
  let failure = null;
  let vitest;
  const reporter = {
    onTestCaseResult(testCase) {
      if (failure === null && testCase.result().state === "failed") {
        failure = { moduleId: testCase.module.moduleId, testId: testCase.id };
        void vitest.cancelCurrentRun("test-failure");
      }
    },
  };
  class GivenOrder {
    async sort(files) {
      return files;
    }
    async shard(files) {
      return files;
    }
  }
  vitest = await createVitest(
    "test",
    { watch: false, project: ["emulator"], reporters: [reporter], silent: true },
    { test: { sequence: { sequencer: GivenOrder } } },
  );
  const specs = await vitest.globTestSpecifications(["test/rules/"]);
  /**
   * Runs the given tests ({moduleId, testId}[], in that order of files), or
   * every rules test when `tests` is omitted. Returns the first failing test,
   * `undefined` when all pass.
   */
  async function firstFailure(tests, files) {
    failure = null;
    let run = files ? specs.filter((spec) => files.includes(spec.moduleId)) : specs;
    if (tests) {
      const byModule = new Map();
      for (const { moduleId, testId } of tests) byModule.set(moduleId, [...(byModule.get(moduleId) ?? []), testId]);
      const project = specs[0].project;
      run = [...byModule].map(([moduleId, testIds]) => project.createSpecification(moduleId, { testIds }));
    }
    const result = await vitest.runTestSpecifications(run);
    const moduleError = result.testModules.find((m) => m.errors().length > 0);
    if (failure === null && moduleError) failure = { moduleId: moduleError.moduleId, testId: null };
    if (failure === null && result.unhandledErrors.length > 0) failure = { moduleId: null, testId: null };
    return failure ?? undefined;
  }
  return { files: specs.map((spec) => spec.moduleId), firstFailure, close: () => vitest.close() };
}

/** The project test/rules/setup.ts loads the rules into (RULES_PROJECT there). */
const RULES_PROJECT = "demo-cmr-rules";

/**
 * The byte ranges of firestore.rules that the emulator evaluated since the
 * rules were last loaded (its rule coverage report): each test file loads
 * the rules in its beforeAll, so after a file has run alone, this is what
 * that file's tests evaluate.
 */
async function evaluatedRanges() {
  const url = `http://${process.env.FIRESTORE_EMULATOR_HOST}/emulator/v1/projects/${RULES_PROJECT}:ruleCoverage`;
  const { report } = await (await fetch(url)).json();
  const ranges = [];
  const walk = (node) => {
    if (node.sourcePosition && node.values?.some((v) => Number(v.count) > 0)) {
      ranges.push([node.sourcePosition.currentOffset, node.sourcePosition.endOffset]);
    }
    for (const child of node.children ?? []) walk(child);
  };
  for (const node of report ?? []) walk(node);
  return ranges;
}

/** The `match` block a line belongs to (its path), for ordering the test files by past kills. */
function blockOf(text, line) {
  const lines = text.split("\n").slice(0, line);
  for (let i = lines.length - 1; i >= 0; i--) {
    const match = /^\s*match\s+(\S+)/.exec(lines[i]);
    if (match) return match[1];
  }
  return "(top)";
}

async function main() {
  const { values } = parseArgs({
    options: { list: { type: "boolean" }, line: { type: "string" }, all: { type: "boolean" } },
  });
  const text = readFileSync(rulesPath, "utf8");
  let mutants = rulesMutants(text);
  const stale = DOCUMENTED.flatMap((d) =>
    d.mutants.filter(([kind, where]) => !mutants.some((m) => m.kind === kind && m.where === where)),
  );
  for (const [kind, where] of stale) console.log(`documented survivor matches no mutant (stale): ${kind}  ${where}`);
  if (values.line) {
    const ranges = values.line.split(",").map((range) => range.split("-").map(Number));
    mutants = mutants.filter((m) => ranges.some(([from, to = from]) => m.line >= from && m.line <= to));
  }
  if (values.list) {
    for (const m of mutants) {
      const documented = documentedOf(m) ? "  (documented survivor)" : "";
      console.log(`firestore.rules:${m.line}  ${m.kind}  ${m.original.slice(0, 100)}${documented}`);
    }
    console.log(`${mutants.length} mutants`);
    return;
  }
  if (!process.env.FIRESTORE_EMULATOR_HOST) underFirestoreEmulator();
  const dir = join(root, ".cache", "rules-mutation");
  mkdirSync(dir, { recursive: true });
  const file = join(dir, "mutant.rules");
  writeFileSync(file, text);
  const runner = await rulesTestRunner(file);
  const started = Date.now();
  // The unmutated rules, one test file at a time, to learn which parts of the
  // rules each file evaluates. A mutant changes only the expression it
  // replaces; a file whose tests never evaluate any of it cannot see it, so
  // each mutant runs only the files that evaluate some of its span.
  const evaluatedBy = new Map();
  for (const moduleId of runner.files) {
    if (await runner.firstFailure(undefined, [moduleId])) {
      console.error(`rules-mutation: ${moduleId} fails on the unmutated rules; fix it first`);
      await runner.close();
      process.exit(2);
    }
    evaluatedBy.set(moduleId, await evaluatedRanges());
  }
  const baseline = Math.round((Date.now() - started) / 1000);
  console.log(`rules tests on the unmutated rules: pass, ${baseline} s`);
  for (const [moduleId, ranges] of evaluatedBy) console.log(`  ${moduleId}: ${ranges.length} expressions evaluated`);
  const byteOffset = (offset) => Buffer.byteLength(text.slice(0, offset));
  const filesSeeing = (m) => {
    const [from, to] = [byteOffset(m.start), byteOffset(m.end)];
    return runner.files.filter((moduleId) => evaluatedBy.get(moduleId).some(([s, e]) => s < to && from < e));
  };
  const survived = [];
  // The tests that have killed a mutant, most recent first: overall, and per
  // match block. A mutant is first tried against the killers of its block,
  // then against every killer, and only then against the whole suite (which
  // only a surviving mutant runs to the end).
  const killers = new Map([["*", []]]);
  const remember = (block, test) => {
    for (const key of [block, "*"]) {
      const list = (killers.get(key) ?? []).filter((t) => t.testId !== test.testId);
      killers.set(key, [test, ...list]);
    }
  };
  const documented = [];
  for (const [index, m] of mutants.entries()) {
    const known = values.all ? undefined : documentedOf(m);
    if (known) {
      documented.push(m);
      console.log(
        `[${index + 1}/${mutants.length}] documented firestore.rules:${m.line}  ${m.kind}  ${m.original.slice(0, 80)}  (${known.class}: ${known.why})`,
      );
      continue;
    }
    writeFileSync(file, text.slice(0, m.start) + m.replacement + text.slice(m.end));
    const block = blockOf(text, m.line);
    const t0 = Date.now();
    const files = filesSeeing(m);
    const ofBlock = (killers.get(block) ?? []).filter((t) => files.includes(t.moduleId));
    const others = killers.get("*").filter((t) => !ofBlock.includes(t) && files.includes(t.moduleId));
    let killer;
    let phase = "";
    if (ofBlock.length) [killer, phase] = [await runner.firstFailure(ofBlock), "block's killers"];
    if (!killer && others.length) [killer, phase] = [await runner.firstFailure(others), "earlier killers"];
    if (!killer && files.length)
      [killer, phase] = [await runner.firstFailure(undefined, files), "the files that evaluate it"];
    // The coverage report is a guide, not a proof (a file it does not credit
    // has been seen to kill a mutant): a survivor so far runs the other files too.
    const rest = runner.files.filter((f) => !files.includes(f));
    if (!killer && rest.length) [killer, phase] = [await runner.firstFailure(undefined, rest), "the other files"];
    if (killer?.testId) remember(block, killer);
    if (!killer) survived.push(m);
    console.log(
      `[${index + 1}/${mutants.length}] ${killer ? "killed  " : "SURVIVED"} firestore.rules:${m.line}  ${m.kind}  ` +
        `${m.original.slice(0, 80)}  (${((Date.now() - t0) / 1000).toFixed(1)} s, ` +
        `${killer ? `by ${phase}` : "every file run"}; ${files.length} of ${runner.files.length} files evaluate it)`,
    );
  }
  await runner.close();
  const seconds = Math.round((Date.now() - started) / 1000);
  const run = mutants.length - documented.length;
  console.log(
    `\nrules mutation: ${run - survived.length} of ${run} mutants run killed` +
      ` (${run ? ((100 * (run - survived.length)) / run).toFixed(1) : "100"} %), ${seconds} s;` +
      ` ${documented.length} documented survivors not run (--all runs them)`,
  );
  for (const m of survived) console.log(`  survived: firestore.rules:${m.line}  ${m.kind}  ${m.where}`);
  // Every mutant must be killed or documented; a stale entry is only an error when every mutant was listed.
  process.exit(survived.length || (stale.length && !values.line) ? 1 : 0);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
