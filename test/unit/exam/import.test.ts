import { describe, expect, it } from "vitest";
import { DEFAULT_POLICY } from "../../../functions/src/platform/domain/policy.js";
import {
  importAngoffRatings,
  importAnswerKey,
  importFlaggedItems,
  importResponses,
  MAX_ERRORS,
  type AnswerKey,
  type ImportResult,
} from "../../../functions/src/exam/domain/index.js";

const exam = { ...DEFAULT_POLICY.exam, items: 3 };
const KEY = "item,key\nQ1,A\nQ2,B\nQ3,E\n";

function value<T>(result: ImportResult<T>): T {
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.value;
}

function errors<T>(result: ImportResult<T>) {
  if (result.ok) throw new Error("expected the file to be refused");
  return result.errors;
}

// Imported inside each test (not at module level), so a Stryker mutant of importAnswerKey is active when it runs.
const answerKey = (): AnswerKey => value(importAnswerKey(KEY, exam));

describe("importAnswerKey", () => {
  it("reads the key in file order", () => {
    expect(answerKey()).toEqual({ items: ["Q1", "Q2", "Q3"], key: { Q1: "A", Q2: "B", Q3: "E" } });
  });

  it("accepts header names in any order and case, extra columns, lower-case options and spaces", () => {
    const parsed = value(importAnswerKey("Key, ITEM ,comment\n a ,Q1,x\nb,Q2,\ne,Q3,\n", exam));
    expect(parsed).toEqual(answerKey());
  });

  it("reads an Excel export (byte-order mark, CRLF) and explains a semicolon-separated one", () => {
    expect(value(importAnswerKey("\uFEFFitem,key\r\nQ1,A\r\nQ2,B\r\nQ3,E\r\n", exam))).toEqual(answerKey());
    expect(errors(importAnswerKey("item;key\nQ1;A\n", exam))).toEqual([
      { line: 1, message: 'the header lacks "item", "key" (expected columns: item, key)' },
    ]);
  });

  it("needs exactly the policy's number of items", () => {
    expect(errors(importAnswerKey("item,key\nQ1,A\nQ2,B\n", exam))).toEqual([
      { line: 1, message: "the key has 2 items; the exam has 3 (policy exam.items)" },
    ]);
    expect(errors(importAnswerKey(KEY + "Q4,C\n", exam))[0].message).toMatch(/has 4 items/);
  });

  it("refuses a twice-keyed item, naming both lines", () => {
    expect(errors(importAnswerKey("item,key\nQ1,A\nQ2,B\nQ1,C\n", exam))).toEqual([
      { line: 4, message: "item Q1 is keyed twice (first on line 2)" },
    ]);
  });

  it("refuses an option outside the policy's letters, or none, on its line", () => {
    const refused = errors(importAnswerKey("item,key\nQ1,F\nQ2,\nQ3,AB\n", exam));
    expect(refused.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(refused[0].message).toBe("key: one of A, B, C, D, E");
  });

  it("refuses item ids that are not plain identifiers", () => {
    for (const bad of ["Q 1", "../x", "Q/1", "", "-Q1"]) {
      const refused = errors(importAnswerKey(`item,key\n${bad},A\nQ2,B\nQ3,C\n`, exam));
      expect(refused[0].line).toBe(2);
      expect(refused[0].message).toMatch(/^item: 1 to 128 letters, digits/);
    }
  });

  it("refuses a file without the needed columns, an empty file and a header alone", () => {
    expect(errors(importAnswerKey("item,answer\nQ1,A\n", exam))).toEqual([
      { line: 1, message: 'the header lacks "key" (expected columns: item, key)' },
    ]);
    expect(errors(importAnswerKey("", exam))).toEqual([{ line: 1, message: "the file is empty" }]);
    expect(errors(importAnswerKey("item,key\n", exam))).toEqual([{ line: 1, message: "the file has no data rows" }]);
    expect(errors(importAnswerKey("item,key,item\nQ1,A,Q1\n", exam))[0].message).toMatch(/"item" appears twice/);
  });

  it("refuses a row with too many or too few fields", () => {
    expect(errors(importAnswerKey("item,key\nQ1,A,x\nQ2\nQ3,C\n", exam))).toEqual([
      { line: 2, message: "3 fields where the header has 2" },
      { line: 3, message: "1 fields where the header has 2" },
    ]);
  });

  it("passes on a broken CSV structure with its line", () => {
    expect(errors(importAnswerKey('item,key\nQ1,A\n"Q2,B\n', exam))).toEqual([
      { line: 3, message: "a quoted field is never closed" },
    ]);
  });
});

const responsesCsv = (rows: string[]) => "candidate,item,response\n" + rows.join("\n") + "\n";
const FULL = ["u1,Q1,A", "u1,Q2,c", "u1,Q3,", "u2,Q1,B", "u2,Q2, B ", "u2,Q3,E"];

describe("importResponses", () => {
  it("builds the candidate × item matrix; blank is no answer, letters in any case", () => {
    expect(value(importResponses(responsesCsv(FULL), answerKey(), exam))).toEqual({
      items: ["Q1", "Q2", "Q3"],
      candidates: ["u1", "u2"],
      answers: [
        ["A", "C", null],
        ["B", "B", "E"],
      ],
    });
  });

  it("takes rows in any order", () => {
    const shuffled = [FULL[5], FULL[0], FULL[3], FULL[2], FULL[4], FULL[1]];
    const matrix = value(importResponses(responsesCsv(shuffled), answerKey(), exam));
    expect(matrix.candidates).toEqual(["u2", "u1"]);
    expect(matrix.answers[1]).toEqual(["A", "C", null]);
  });

  it("refuses an item that is not in the key, an unknown option and a bad candidate id, each on its line", () => {
    const rows = [...FULL.slice(0, 5), "u2,Q9,E", "u3,Q1,F", "u 4,Q1,A"];
    expect(errors(importResponses(responsesCsv(rows), answerKey(), exam))).toEqual([
      { line: 7, message: "item: not an item of the answer key" },
      { line: 8, message: "response: one of A, B, C, D, E or blank" },
      { line: 9, message: expect.stringMatching(/^candidate:/) },
    ]);
  });

  it("refuses an item answered twice by one candidate", () => {
    expect(errors(importResponses(responsesCsv([...FULL, "u1,Q2,D"]), answerKey(), exam))).toEqual([
      { line: 8, message: "candidate u1 answers item Q2 twice (first on line 3)" },
    ]);
  });

  it("refuses a truncated export: a candidate without a row for every item", () => {
    expect(errors(importResponses(responsesCsv(FULL.slice(0, 5)), answerKey(), exam))).toEqual([
      { line: 5, message: "candidate u2 (first row here) has no row for 1 item(s): Q3" },
    ]);
  });

  it("reports at most MAX_ERRORS errors and says how many more there are", () => {
    const rows = Array.from({ length: MAX_ERRORS + 50 }, (_, i) => `u${i},Q1,Z`);
    const refused = errors(importResponses(responsesCsv(rows), answerKey(), exam));
    expect(refused).toHaveLength(MAX_ERRORS + 1);
    expect(refused.at(-1)).toEqual({ line: MAX_ERRORS + 51, message: "50 more errors not shown" });
  });
});

describe("importFlaggedItems", () => {
  it("reads flagged items with an optional reason", () => {
    expect(value(importFlaggedItems('item,reason\nQ2,"ambiguous, two answers"\nQ3,\n', answerKey()))).toEqual([
      { item: "Q2", reason: "ambiguous, two answers" },
      { item: "Q3", reason: "" },
    ]);
  });

  it("refuses an item named like an object property that is not in the key", () => {
    expect(errors(importFlaggedItems("item,reason\nconstructor,x\ntoString,y\n", answerKey()))).toEqual([
      { line: 2, message: "item: not an item of the answer key" },
      { line: 3, message: "item: not an item of the answer key" },
    ]);
  });

  it("refuses an unknown or twice-flagged item", () => {
    expect(errors(importFlaggedItems("item,reason\nQ9,x\nQ1,a\nQ1,b\n", answerKey()))).toEqual([
      { line: 2, message: "item: not an item of the answer key" },
      { line: 4, message: "item Q1 is flagged twice (first on line 3)" },
    ]);
  });
});

const ratingsCsv = (rows: string[]) => "judge,item,rating\n" + rows.join("\n") + "\n";

describe("importAngoffRatings", () => {
  it("reads each judge's ratings in key order", () => {
    const rows = ["J1,Q3,1", "J1,Q1,0.65", "J1,Q2,.5", "J2,Q1,0", "J2,Q2,1.0", "J2,Q3,0.333"];
    expect(value(importAngoffRatings(ratingsCsv(rows), answerKey()))).toEqual({
      items: ["Q1", "Q2", "Q3"],
      judges: ["J1", "J2"],
      ratings: [
        [0.65, 0.5, 1],
        [0, 1, 0.333],
      ],
    });
  });

  it("refuses a rating that is not a probability written with a dot", () => {
    for (const bad of ["65", "1.01", "-0.1", "0,65", "", "abc", "1e-1", "."]) {
      const refused = errors(
        importAngoffRatings(ratingsCsv([`J1,Q1,"${bad}"`, "J1,Q2,0.5", "J1,Q3,0.5"]), answerKey()),
      );
      expect(refused).toHaveLength(1);
      expect(refused[0].line).toBe(2);
      expect(refused[0].message).toMatch(/^rating: a probability between 0 and 1/);
    }
  });

  it("refuses a judge who did not rate every item, or rated one twice", () => {
    expect(errors(importAngoffRatings(ratingsCsv(["J1,Q1,0.5", "J1,Q2,0.5"]), answerKey()))).toEqual([
      { line: 2, message: "judge J1 (first row here) has not rated 1 item(s): Q3" },
    ]);
    expect(
      errors(importAngoffRatings(ratingsCsv(["J1,Q1,0.5", "J1,Q2,0.5", "J1,Q3,0.5", "J1,Q1,0.6"]), answerKey())),
    ).toEqual([{ line: 5, message: "judge J1 rates item Q1 twice (first on line 2)" }]);
  });
});

describe("import errors: whole messages and the limits", () => {
  const exam7 = { ...exam, items: 7 };
  const KEY7 = "item,key\n" + [1, 2, 3, 4, 5, 6, 7].map((i) => `Q${i},A`).join("\n") + "\n";

  it("names a repeated column; repeated empty column names are ignored", () => {
    expect(errors(importAnswerKey("item,KEY,key\nQ1,A,A\n", exam))).toEqual([
      { line: 1, message: 'column "key" appears twice in the header' },
    ]);
    expect(value(importAnswerKey("item,key,,\nQ1,A,,\nQ2,B,,\nQ3,E,,\n", exam))).toEqual(answerKey());
  });

  it("lists up to 5 missing items, then says how many more", () => {
    const key7 = value(importAnswerKey(KEY7, exam7));
    expect(errors(importResponses(responsesCsv(["u1,Q1,A", "u1,Q2,A"]), key7, exam7))).toEqual([
      { line: 2, message: "candidate u1 (first row here) has no row for 5 item(s): Q3, Q4, Q5, Q6, Q7" },
    ]);
    expect(errors(importResponses(responsesCsv(["u1,Q1,A"]), key7, exam7))).toEqual([
      { line: 2, message: "candidate u1 (first row here) has no row for 6 item(s): Q2, Q3, Q4, Q5, Q6 and 1 more" },
    ]);
    expect(errors(importAngoffRatings(ratingsCsv(["J1,Q1,0.5", "J1,Q2,0.5"]), key7))).toEqual([
      { line: 2, message: "judge J1 (first row here) has not rated 5 item(s): Q3, Q4, Q5, Q6, Q7" },
    ]);
    expect(errors(importAngoffRatings(ratingsCsv(["J1,Q1,0.5"]), key7))).toEqual([
      { line: 2, message: "judge J1 (first row here) has not rated 6 item(s): Q2, Q3, Q4, Q5, Q6 and 1 more" },
    ]);
  });

  it("reports each incomplete candidate or judge at their own first row", () => {
    const key = answerKey();
    expect(errors(importResponses(responsesCsv(["u1,Q1,A", "u2,Q1,B", "u1,Q2,A", "u2,Q2,B"]), key, exam))).toEqual([
      { line: 2, message: "candidate u1 (first row here) has no row for 1 item(s): Q3" },
      { line: 3, message: "candidate u2 (first row here) has no row for 1 item(s): Q3" },
    ]);
    expect(errors(importAngoffRatings(ratingsCsv(["J1,Q1,0.5", "J2,Q1,0.5", "J2,Q2,0.5", "J2,Q3,1"]), key))).toEqual([
      { line: 2, message: "judge J1 (first row here) has not rated 2 item(s): Q2, Q3" },
    ]);
  });

  it("a rating of exactly 1 or 0 is a probability; just above 1 is not", () => {
    const read = (rating: string) =>
      importAngoffRatings(ratingsCsv([`J1,Q1,${rating}`, "J1,Q2,0.0", "J1,Q3,0.5"]), answerKey());
    expect(value(read("1.000")).ratings).toEqual([[1, 0, 0.5]]);
    expect(errors(read("1.0000001"))).toEqual([{ line: 2, message: "rating: a probability between 0 and 1" }]);
    expect(errors(read("2"))).toEqual([
      { line: 2, message: "rating: a probability between 0 and 1 written with a dot, e.g. 0.65" },
    ]);
  });

  it("lists errors by line, whatever the check that found them", () => {
    // line 3 is a duplicate (found after every row is parsed), line 4 a bad option (found while parsing)
    expect(errors(importAnswerKey("item,key\nQ1,A\nQ1,B\nQ2,Z\n", exam))).toEqual([
      { line: 3, message: "item Q1 is keyed twice (first on line 2)" },
      { line: 4, message: "key: one of A, B, C, D, E" },
    ]);
    expect(errors(importFlaggedItems("item,reason\nQ1,a\nQ1,b\nQ9,c\n", answerKey()))).toEqual([
      { line: 3, message: "item Q1 is flagged twice (first on line 2)" },
      { line: 4, message: "item: not an item of the answer key" },
    ]);
  });

  it("exactly MAX_ERRORS errors are all listed; one more is summed up on the line of the last", () => {
    const bad = (count: number) => responsesCsv(Array.from({ length: count }, (_, i) => `u${i},Q1,Z`));
    const all = errors(importResponses(bad(MAX_ERRORS), answerKey(), exam));
    expect(all).toHaveLength(MAX_ERRORS);
    expect(all.at(-1)).toEqual({ line: MAX_ERRORS + 1, message: "response: one of A, B, C, D, E or blank" });
    const more = errors(importResponses(bad(MAX_ERRORS + 1), answerKey(), exam));
    expect(more).toHaveLength(MAX_ERRORS + 1);
    expect(more.at(-2)).toEqual({ line: MAX_ERRORS + 1, message: "response: one of A, B, C, D, E or blank" });
    expect(more.at(-1)).toEqual({ line: MAX_ERRORS + 2, message: "1 more errors not shown" });
  });

  it("rows with the wrong number of fields are capped the same way", () => {
    const rows = Array.from({ length: MAX_ERRORS + 2 }, (_, i) => `Q${i},A,extra`);
    const refused = errors(importAnswerKey("item,key\n" + rows.join("\n") + "\n", exam));
    expect(refused).toHaveLength(MAX_ERRORS + 1);
    expect(refused[0]).toEqual({ line: 2, message: "3 fields where the header has 2" });
    expect(refused.at(-1)).toEqual({ line: MAX_ERRORS + 3, message: "2 more errors not shown" });
  });

  it("a header after empty lines is reported on its own line", () => {
    expect(errors(importAnswerKey("\n\nitem,answer\nQ1,A\n", exam))).toEqual([
      { line: 3, message: 'the header lacks "key" (expected columns: item, key)' },
    ]);
    expect(errors(importAnswerKey("\nitem,key\n", exam))).toEqual([{ line: 2, message: "the file has no data rows" }]);
  });
});

describe("ids and ratings: the exact forms accepted", () => {
  it("ids of 1 and 128 characters, starting with a letter or digit, with _ . - inside; 129 is refused", () => {
    const long = "Q".repeat(128);
    const key = value(importAnswerKey(`item,key\nQ,A\n1_a.b-c,B\n${long},C\n`, exam));
    expect(key.items).toEqual(["Q", "1_a.b-c", long]);
    expect(errors(importAnswerKey(`item,key\nQ,A\n1_a.b-c,B\n${long}Q,C\n`, exam))).toEqual([
      { line: 4, message: "item: 1 to 128 letters, digits, '_', '.', '-', starting with a letter or digit" },
    ]);
    for (const bad of ["_Q", ".Q", "Q!", "Qé"]) {
      expect(errors(importAnswerKey(`item,key\n${bad},A\nQ2,B\nQ3,C\n`, exam))[0]).toEqual({
        line: 2,
        message: "item: 1 to 128 letters, digits, '_', '.', '-', starting with a letter or digit",
      });
    }
  });

  it("each refused rating with its message: the form first, then the range", () => {
    const form = "rating: a probability between 0 and 1 written with a dot, e.g. 0.65";
    const range = "rating: a probability between 0 and 1";
    const cases: [string, string][] = [
      ["0,65", form],
      ["0.6a", form],
      ["0.", form],
      ["01", form],
      ["2", form],
      ["a.5", form],
      ["1.5", range],
      ["1.01", range],
    ];
    for (const [bad, message] of cases) {
      const read = importAngoffRatings(ratingsCsv([`J1,Q1,"${bad}"`, "J1,Q2,0.5", "J1,Q3,0.5"]), answerKey());
      expect(errors(read), bad).toEqual([{ line: 2, message }]);
    }
    const good = importAngoffRatings(ratingsCsv(["J1,Q1, 0.25 ", "J1,Q2,.75", "J1,Q3,0.125"]), answerKey());
    expect(value(good).ratings).toEqual([[0.25, 0.75, 0.125]]);
  });
});

describe("every importer refuses a broken table before reading rows", () => {
  it("an empty file, and a header lacking columns without data rows", () => {
    const empty = [{ line: 1, message: "the file is empty" }];
    expect(errors(importResponses("", answerKey(), exam))).toEqual(empty);
    expect(errors(importFlaggedItems("", answerKey()))).toEqual(empty);
    expect(errors(importAngoffRatings("", answerKey()))).toEqual(empty);
    expect(errors(importAnswerKey("item,answer\n", exam))).toEqual([
      { line: 1, message: 'the header lacks "key" (expected columns: item, key)' },
    ]);
  });

  it("a flag's reason is trimmed and at most 2000 characters; a rating's item must be in the key", () => {
    const long = "r".repeat(2000);
    expect(value(importFlaggedItems(`item,reason\nQ1,  ${long}  \n`, answerKey()))).toEqual([
      { item: "Q1", reason: long },
    ]);
    expect(errors(importFlaggedItems(`item,reason\nQ1,${long}r\n`, answerKey()))).toEqual([
      { line: 2, message: "reason: Too big: expected string to have <=2000 characters" },
    ]);
    expect(errors(importAngoffRatings(ratingsCsv(["J1,Q9,0.5"]), answerKey()))).toEqual([
      { line: 2, message: "item: not an item of the answer key" },
    ]);
  });
});
