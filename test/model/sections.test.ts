import { describe, expect, it } from "vitest";
import { countryCoverage, publishedSections, wordList } from "../../src/model/sections.ts";
import { shippedTranslator } from "../helpers/shipped-translator.ts";

const everything = { requests: true, blockingEvents: true, incidents: true, figures: true };

describe("sections in the translator's language", () => {
  it("names each published section in English without a translator, and in Russian with one", () => {
    expect(publishedSections(everything).map(({ label, plural }) => [label, plural])).toEqual([
      ["Requests", "requests"],
      ["Blocking", "blocking events"],
      ["Incidents", "incidents"],
    ]);
    const russian = publishedSections({ ...everything, incidents: false }, shippedTranslator("ru"));
    expect(russian.map(({ kind, label, singular }) => [kind, label, singular])).toEqual([
      ["requests", "Запросы", "запрос"],
      ["blockingEvents", "Блокировки", "блокировка"],
    ]);
  });

  it("says what a country's page covers, as far as the site publishes it", () => {
    expect(countryCoverage("Russia", everything)).toBe(
      "Requests from authorities in Russia and blocking of our service there",
    );
    const german = shippedTranslator("de");
    expect(countryCoverage("Russland", { ...everything, requests: false }, undefined, german)).toBe(
      "Sperren von unserem Dienst in Russland",
    );
    expect(countryCoverage("Россия", everything, "Velin Mail", shippedTranslator("ru"))).toBe(
      "Россия: запросы органов власти и блокировки Velin Mail",
    );
  });

  it("joins words as the language does", () => {
    expect(wordList(["requests", "blocking events", "incidents"])).toBe("requests, blocking events and incidents");
    expect(wordList(["запросы", "блокировки"], "ru")).toBe("запросы и блокировки");
    expect(wordList(["posts"])).toBe("posts");
    expect(wordList([])).toBe("");
  });
});
