import { describe, expect, it } from "vitest";
import { columnLetter, columnName } from "../../../src/load/csv/column-names.ts";
import { groupSimilarProblems } from "../../../src/load/csv/similar-problems.ts";
import type { Problem } from "../../../src/load/validation/problem.ts";

describe("columns named as a spreadsheet shows them", () => {
  it.each([
    [1, "A"],
    [2, "B"],
    [19, "S"],
    [26, "Z"],
    [27, "AA"],
    [28, "AB"],
    [52, "AZ"],
    [53, "BA"],
    [702, "ZZ"],
    [703, "AAA"],
  ])("column %i is %s", (column, letters) => {
    expect(columnLetter(column)).toBe(letters);
  });

  it("puts the letter beside the header name", () => {
    expect(columnName(19, "country")).toBe("column S (country)");
  });
});

describe("many problems of one kind in one column", () => {
  const cell = (line: number, found: string, field = "column B (received)"): Problem => ({
    file: "data/requests.csv",
    line,
    column: 2,
    field,
    expected: "a date as YYYY-MM-DD",
    found,
  });

  it("lists the first three and sums up the rest with a hint, in one line", () => {
    const problems = Array.from({ length: 152 }, (_, i) => cell(i + 2, `9/${(i % 28) + 1}/2017`));
    const grouped = groupSimilarProblems(problems);
    expect(grouped.slice(0, 3)).toEqual(problems.slice(0, 3));
    expect(grouped).toHaveLength(4);
    expect(grouped[3]).toMatchObject({ line: 5, found: "9/4/2017" });
    expect(grouped[3]?.expected).toMatch(
      /^… and 149 more like it in column B \(received\), on lines 5 to 153: .*format column B \(received\) as Text/,
    );
  });

  it("lists up to five problems of a kind as they are, and keeps other kinds apart", () => {
    const five = Array.from({ length: 5 }, (_, i) => cell(i + 2, "x"));
    expect(groupSimilarProblems(five)).toEqual(five);
    const mixed = [...five, cell(9, "y", "column C (country)")];
    expect(groupSimilarProblems(mixed)).toEqual(mixed);
  });
});
