import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCsv, formatCsvRecord, neutraliseFormula, readCsv } from "../../../functions/src/exam/domain/index.js";

function records(text: string) {
  const result = readCsv(text);
  if (!result.ok) throw new Error(`${result.error.line}: ${result.error.message}`);
  return result.records;
}

function error(text: string) {
  const result = readCsv(text);
  if (result.ok) throw new Error("expected an error");
  return result.error;
}

describe("readCsv", () => {
  it("reads fields and the line each record starts on", () => {
    expect(records("a,b\n1,2\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["1", "2"] },
    ]);
  });

  it("accepts CRLF, LF and lone CR line ends, and no final line end", () => {
    expect(records("a\r\nb\nc\rd").map((r) => [r.line, r.fields[0]])).toEqual([
      [1, "a"],
      [2, "b"],
      [3, "c"],
      [4, "d"],
    ]);
  });

  it("drops a leading byte-order mark", () => {
    expect(records("\uFEFFitem,key\n")[0].fields).toEqual(["item", "key"]);
  });

  it("reads quoted fields: commas, doubled quotes, line breaks; later lines keep their numbers", () => {
    const text = 'a,"b, c","say ""hi"""\n"two\nlines",x\nlast,y\n';
    expect(records(text)).toEqual([
      { line: 1, fields: ["a", "b, c", 'say "hi"'] },
      { line: 2, fields: ["two\nlines", "x"] },
      { line: 4, fields: ["last", "y"] },
    ]);
  });

  it("skips empty lines but keeps a line holding only an empty quoted field", () => {
    expect(records('a\n\n\r\nb\n""\n')).toEqual([
      { line: 1, fields: ["a"] },
      { line: 4, fields: ["b"] },
      { line: 5, fields: [""] },
    ]);
  });

  it("keeps empty fields, including a trailing one", () => {
    expect(records("a,,\n,b")).toEqual([
      { line: 1, fields: ["a", "", ""] },
      { line: 2, fields: ["", "b"] },
    ]);
  });

  it("refuses a quote never closed, at the line the field starts", () => {
    expect(error('a,b\nc,"open\nmore\n')).toEqual({ line: 2, message: "a quoted field is never closed" });
  });

  it("refuses a quote inside an unquoted field", () => {
    expect(error('a,b\nc,d"e\n').line).toBe(2);
  });

  it("refuses text after a closing quote", () => {
    expect(error('a\n"x"y,z\n')).toEqual({ line: 2, message: "unexpected text after a closing quote" });
  });

  it("an empty text has no records", () => {
    expect(records("")).toEqual([]);
  });
});

describe("formatCsv", () => {
  it("quotes only what needs it and ends records with CRLF", () => {
    expect(formatCsv([["a", "b,c", 'd"e', "f\ng"], [""]])).toBe('a,"b,c","d""e","f\ng"\r\n""\r\n');
    expect(formatCsvRecord(["", ""])).toBe(",");
  });

  it("reads back exactly what it wrote, with the right line numbers", () => {
    const field = fc.string({ unit: fc.constantFrom("a", "é", ",", '"', "\n", "\r", " ", "=", "1") });
    fc.assert(
      fc.property(fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }), (rows) => {
        const read = records(formatCsv(rows));
        expect(read.map((r) => r.fields)).toEqual(rows);
        let line = 1;
        rows.forEach((row, i) => {
          expect(read[i].line).toBe(line);
          // one line end per record, plus the line breaks inside its fields (CRLF counts once)
          line += 1 + row.reduce((n, f) => n + f.split(/\r\n|\r|\n/).length - 1, 0);
        });
      }),
    );
  });
});

describe("neutraliseFormula", () => {
  it("makes a cell a spreadsheet would run as a formula into text", () => {
    for (const cell of ["=1+1", "+33", "-2", "@SUM(A1)", "\tx"]) expect(neutraliseFormula(cell)).toBe(`'${cell}`);
    for (const cell of ["Dupont", "a=b", "", "1-2"]) expect(neutraliseFormula(cell)).toBe(cell);
  });
});

describe("readCsv: the exact errors and line ends around quotes", () => {
  it("a quote inside an unquoted field, on the line of the field", () => {
    expect(error('a,b\r\nc,d"e\r\n')).toEqual({
      line: 2,
      message: 'a quote (") inside an unquoted field; quote the whole field',
    });
  });

  it("text after a closing quote, on the line where the quote closes", () => {
    expect(error('a\n"x\r\ny"z\n')).toEqual({ line: 3, message: "unexpected text after a closing quote" });
  });

  it("a quoted field ends at a comma, a CR, an LF or the end of the text", () => {
    expect(records('"a"\r"b"\r\n"c","d"')).toEqual([
      { line: 1, fields: ["a"] },
      { line: 2, fields: ["b"] },
      { line: 3, fields: ["c", "d"] },
    ]);
  });

  it("line breaks inside quotes: CRLF counts as one line, a lone CR as one", () => {
    expect(records('"a\r\nb","c\rd"\ne\n')).toEqual([
      { line: 1, fields: ["a\r\nb", "c\rd"] },
      { line: 4, fields: ["e"] },
    ]);
  });

  it("a byte-order mark elsewhere than at the start is data", () => {
    expect(records("a\uFEFF,b\n")).toEqual([{ line: 1, fields: ["a\uFEFF", "b"] }]);
  });
});

describe("neutraliseFormula: the other starts", () => {
  it("a carriage return starts a formula too; the same characters later do not", () => {
    expect(neutraliseFormula("\rx")).toBe("'\rx");
    for (const cell of ["x\r", "x\t", "x@", "x+1", "x-1"]) expect(neutraliseFormula(cell)).toBe(cell);
  });
});
