// StrykerJS counts only tests: a test file that cannot even load (a mutant
// that makes a module throw on import) has none, so the mutant would be
// reported as survived (stryker-js#6150). This reporter gives such a file one
// failing test, "the test file loads", so the mutant is killed as it should be.
import type { RunnerTestCase, RunnerTestFile } from "vitest";
import type { Reporter, TestModule } from "vitest/node";

// The raw task tree is what the Stryker runner reads (ctx.state.getFiles()).
const rawFile = (module: TestModule) => (module as unknown as { task: RunnerTestFile }).task;

export default class FailUnloadedFiles implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    for (const file of testModules.map(rawFile)) {
      if (file.result?.state !== "fail" || file.tasks.length > 0) continue;
      const loadFailure = {
        type: "test",
        id: `${file.id}_load`,
        name: "the test file loads",
        fullName: "the test file loads",
        mode: "run",
        file,
        suite: file,
        meta: {},
        context: undefined,
        annotations: [],
        artifacts: [],
        timeout: 0,
        result: { state: "fail", errors: file.result.errors ?? [{ message: "the test file did not load" }] },
      } as unknown as RunnerTestCase;
      file.tasks.push(loadFailure);
    }
  }
}
