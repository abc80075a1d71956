// npm run bench: validation time of a direct Level 3 bundle (300 cases, 60 CME
// entries, 10 training periods), and its growth with the number of cases.
// Uses the compiled engine in functions/lib (npm run bench builds first).
import { createRequire } from "node:module";
import { performance } from "node:perf_hooks";
import { benchBundle } from "./lib/bench-bundle.mjs";

const require = createRequire(import.meta.url);
const { validateApplication } = require("../functions/lib/logbook/domain/index.js");

function medianMs(bundle, runs) {
  for (let i = 0; i < 50; i++) validateApplication(bundle); // warm-up
  const times = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    validateApplication(bundle);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(runs / 2)], p95: times[Math.floor(runs * 0.95)] };
}

const RUNS = 500;
console.log(
  `validateApplication, direct Level 3 (60 CME entries, 10 training periods), ${RUNS} runs each, Node ${process.version}`,
);
console.log("cases   median ms   p95 ms   median per case (µs)");
const results = [];
for (const n of [150, 300, 600, 1200]) {
  const { median, p95 } = medianMs(benchBundle(n), RUNS);
  results.push({ n, median });
  console.log(
    `${String(n).padStart(5)}   ${median.toFixed(3).padStart(9)}   ${p95.toFixed(3).padStart(6)}   ${((median / n) * 1000).toFixed(2).padStart(8)}`,
  );
}
const at300 = results.find((r) => r.n === 300).median;
const growth = results.at(-1).median / results[0].median;
console.log(`\n300 cases: ${at300.toFixed(3)} ms median (target ≤ 2 ms): ${at300 <= 2 ? "OK" : "OVER TARGET"}`);
console.log(
  `150 → 1200 cases (×8): time ×${growth.toFixed(1)} (n log n would be ×${((8 * Math.log(1200)) / Math.log(150)).toFixed(1)}, n² ×64)`,
);
