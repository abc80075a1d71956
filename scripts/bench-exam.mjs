// npm run bench:exam: results processing of one sitting, 1,000 candidates ×
// 100 items, 8 Angoff judges: item analysis, re-scoring (3 items removed, 1
// key corrected), the pass mark, and the whole scoring run. Also the import of
// the platform's 100,000-row export. Uses the compiled code in functions/lib
// (npm run bench:exam builds first). Synthetic, seeded data: same figures on
// every run, up to timing noise.
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";

const require = createRequire(import.meta.url);
const exam = require("../functions/lib/exam/index.js");
const { DEFAULT_POLICY } = require("../functions/lib/platform/domain/policy.js");

const CANDIDATES = 1000;
const ITEMS = 100;
const JUDGES = 8;
const OPTIONS = DEFAULT_POLICY.exam.options;

// mulberry32: a small seeded generator, so the data are the same every run.
function generator(seed) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function sitting() {
  const random = generator(2026);
  const items = Array.from({ length: ITEMS }, (_, i) => `Q${String(i + 1).padStart(3, "0")}`);
  const key = Object.fromEntries(items.map((item) => [item, OPTIONS[Math.floor(random() * OPTIONS.length)]]));
  const difficulty = items.map(() => random() * 3 - 1.5);
  const candidates = Array.from({ length: CANDIDATES }, (_, c) => `cand-${c + 1}`);
  // A one-parameter logistic model: ability against item difficulty; 2 % blanks.
  const answers = candidates.map(() => {
    const ability = (random() + random() + random() - 1.5) * 2;
    return items.map((item, i) => {
      if (random() < 0.02) return null;
      if (random() < 1 / (1 + Math.exp(difficulty[i] - ability))) return key[item];
      const wrong = OPTIONS.filter((o) => o !== key[item]);
      return wrong[Math.floor(random() * wrong.length)];
    });
  });
  const ratings = Array.from({ length: JUDGES }, () => items.map(() => Math.round((0.4 + random() * 0.5) * 100) / 100));
  return {
    answerKey: { items, key },
    responses: { items, candidates, answers },
    ratings: { items, judges: Array.from({ length: JUDGES }, (_, j) => `judge-${j + 1}`), ratings },
    flagged: [{ item: items[7], reason: "reported ambiguous" }],
    decisions: [
      { item: items[3], action: "remove", reason: "negative discrimination" },
      { item: items[7], action: "remove", reason: "flagged: two correct options" },
      { item: items[42], action: "remove", reason: "outdated guideline" },
      { item: items[11], action: "correct-key", key: key[items[11]] === "A" ? "B" : "A", reason: "miskeyed" },
    ],
    exportCsv:
      "candidate,item,response\n" +
      candidates.map((c, ci) => items.map((item, i) => `${c},${item},${answers[ci][i] ?? ""}\n`).join("")).join(""),
    keyCsv: "item,key\n" + items.map((item) => `${item},${key[item]}\n`).join(""),
  };
}

function measure(label, runs, fn) {
  for (let i = 0; i < Math.min(20, runs); i++) fn(); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(runs / 2)];
  const p95 = times[Math.floor(runs * 0.95)];
  console.log(`${label.padEnd(48)} ${median.toFixed(2).padStart(9)}   ${p95.toFixed(2).padStart(8)}`);
  return median;
}

function ok(result) {
  if (!result.ok) throw new Error(JSON.stringify(result.errors ?? result.error).slice(0, 500));
  return result;
}

const s = sitting();
const policy = DEFAULT_POLICY.exam;
const applied = ok(exam.applyDecisions(s.answerKey, s.decisions, policy)).value;
const flagged = new Set(s.flagged.map((f) => f.item));
const input = { ...s, exam: policy };

const RUNS = 200;
console.log(
  `Exam results processing, ${CANDIDATES} candidates × ${ITEMS} items, ${JUDGES} judges, Node ${process.version}`,
);
console.log(`${"".padEnd(48)} median ms     p95 ms`);
measure("item analysis (97 retained items)", RUNS, () =>
  exam.analyseItems({ responses: s.responses, key: applied.key, retained: applied.retained, flagged, exam: policy }),
);
measure("re-scoring (decisions applied + scores)", RUNS, () =>
  exam.scoreCandidates(s.responses, ok(exam.applyDecisions(s.answerKey, s.decisions, policy)).value),
);
measure("pass mark (modified Angoff)", RUNS, () =>
  ok(exam.setPassMark({ exam: policy, retained: applied.retained, ratings: s.ratings })),
);
const whole = measure("whole scoring run (all of the above + outcomes)", RUNS, () => ok(exam.processRun([], input)));
const key = ok(exam.importAnswerKey(s.keyCsv, policy)).value;
measure("import of the export CSV (100,000 rows)", 30, () => ok(exam.importResponses(s.exportCsv, key, policy)));

const run = ok(exam.processRun([], input)).run;
console.log(
  `\nKR-20 ${run.analysis.test.kr20.toFixed(3)}, SEM ${run.analysis.test.sem.toFixed(2)}, pass mark ${run.passMark.passMark} → ${run.passMark.passScore}/${run.passMark.retainedItems}, ${run.summary.passed} of ${run.summary.candidates} pass`,
);
console.log(`whole run: ${whole.toFixed(1)} ms median (target well under 1 s): ${whole < 1000 ? "OK" : "OVER TARGET"}`);
