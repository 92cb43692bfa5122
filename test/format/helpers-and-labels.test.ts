import { describe, expect, it } from "vitest";
import { countryName, label, yesNoLabel } from "../../src/format/labels.ts";
import { remembered } from "../../src/format/remembered.ts";
import { recordCountries } from "../../src/model/records/record-countries.ts";
import { requestTitle } from "../../src/model/records/record-title.ts";
import { shippedTranslator } from "../helpers/shipped-translator.ts";
import { buildRelatedIndex } from "../../src/model/related-index.ts";
import { recordPath, withBase } from "../../src/model/paths.ts";
import { didYouMean } from "../../src/load/validation/did-you-mean.ts";

describe("didYouMean", () => {
  const words = ["disclosed", "partially_disclosed", "no_data", "rejected"] as const;
  it.each([
    ["disclosd", ' (did you mean "disclosed"?)'],
    ["Rejected", ' (did you mean "rejected"?)'],
    ["no data", ' (did you mean "no_data"?)'],
    ["partially-disclosed", ' (did you mean "partially_disclosed"?)'],
    ["refused", ""],
    ["", ""],
  ])("%s →%s", (found, hint) => {
    expect(didYouMean(found, words)).toBe(hint);
  });
});

describe("buildRelatedIndex", () => {
  it("links both ways, once, sorted, never to itself", () => {
    const index = buildRelatedIndex([
      { from: "req-1", to: "blk-1" },
      { from: "blk-1", to: "req-1" },
      { from: "post:a", to: "blk-1" },
      { from: "inc-1", to: "inc-1" },
    ]);
    expect(index.get("blk-1")).toEqual(["post:a", "req-1"]);
    expect(index.get("req-1")).toEqual(["blk-1"]);
    expect(index.get("post:a")).toEqual(["blk-1"]);
    expect(index.has("inc-1")).toBe(false);
  });
});

describe("paths", () => {
  it.each([
    ["/", "", "/"],
    ["/", "blog/", "/blog/"],
    ["/sub/", "blog/", "/sub/blog/"],
    ["/sub", "/blog/", "/sub/blog/"],
  ])("withBase(%s, %s) = %s", (base, path, expected) => {
    expect(withBase(base, path)).toBe(expected);
  });

  it("gives each record kind its permalink", () => {
    expect(recordPath("requests", "req-1")).toBe("transparency/requests/req-1/");
    expect(recordPath("blockingEvents", "blk-1")).toBe("blocking/blk-1/");
    expect(recordPath("incidents", "inc-1")).toBe("incidents/inc-1/");
  });
});

describe("labels", () => {
  it("turns contract words into plain words", () => {
    expect(label("partially_disclosed")).toBe("Partially disclosed");
    expect(label("police")).toBe("Police");
    expect(label("mlat")).toBe("MLAT (mutual legal assistance treaty)");
    expect(yesNoLabel(undefined)).toBe("Unknown");
    expect(yesNoLabel(false)).toBe("No");
  });

  it("names countries from Intl, and requests by authority and country", () => {
    expect(countryName("RU", "en")).toBe("Russia");
    expect(countryName("BE", "fr")).toBe("Belgique");
    expect(requestTitle({ authority: "Parquet de Bruxelles", country: "BE" })).toBe("Parquet de Bruxelles, Belgium");
    expect(requestTitle({ country: "DE" })).toBe("An authority in Germany");
  });

  it("names requests in the translator's language", () => {
    const russian = shippedTranslator("ru");
    expect(requestTitle({ authority: "Роскомнадзор", country: "RU" }, russian)).toBe("Роскомнадзор, Россия");
    expect(requestTitle({ country: "DE" }, russian)).toBe("Орган власти (Германия)");
    expect(requestTitle({ country: "ZZ" }, russian)).toBe("Орган власти в неназванной стране");
    expect(requestTitle({ authority: "Bundesamt", country: "BE" }, shippedTranslator("de"))).toBe("Bundesamt, Belgien");
  });
});

describe("recordCountries", () => {
  it("lists every country of the records once, sorted, across kinds", () => {
    const requests = [{ data: { country: "RU" } }, { data: { country: "BE" } }, { data: { country: "RU" } }];
    const blockingEvents = [{ data: { country: "CN" } }, { data: { country: "BE" } }];
    expect(recordCountries(requests, blockingEvents)).toEqual(["BE", "CN", "RU"]);
    expect(recordCountries([], [])).toEqual([]);
  });
});

describe("remembered", () => {
  it("makes a value once per key and hands back the same one after", () => {
    const map = new Map<string, object>();
    let made = 0;
    const make = (): object => ({ n: ++made });
    const first = remembered(map, "a", make);
    expect(remembered(map, "a", make)).toBe(first);
    expect(remembered(map, "b", make)).not.toBe(first);
    expect(made).toBe(2);
  });
});
