import { describe, expect, it } from "vitest";
import { accountsFigure, accountsWords } from "../../../src/model/report/accounts-figure.ts";

describe("accounts named", () => {
  it("is unknown, never 0, when no request gives the number", () => {
    expect(accountsFigure(0, 0, 5)).toBeUndefined();
    expect(accountsWords(undefined)).toEqual({ value: "Not recorded", coverage: undefined, inline: "not recorded" });
  });

  it("is a plain number when every request gives it, a labelled partial sum otherwise", () => {
    expect(accountsWords(accountsFigure(0, 4, 4))).toEqual({ value: "0", coverage: undefined, inline: "0" });
    expect(accountsWords(accountsFigure(1234, 20, 25), "en-GB")).toEqual({
      value: "1,234",
      coverage: "named in 20 of 25 requests",
      inline: "at least 1,234",
    });
  });
});
