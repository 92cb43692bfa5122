import { describe, expect, it } from "vitest";
import { recordInLanguage } from "../../../src/model/records/record-text.ts";
import { inLanguage } from "../../../src/model/content-language.ts";
import { buildSite, siteModelInput } from "../../../src/model/project-model.ts";
import { loadProject } from "../../../src/load/project/load-project.ts";
import site from "../../../src/site.config.ts";
import { FIXED_NOW, repoRoot } from "../../helpers/fixture-site.ts";

describe("a record's text in a page's language", () => {
  const event = {
    id: "blk-1",
    title: "Blocked",
    reason: undefined,
    summary: "Blocked since 2020.",
    translations: { ru: { title: "Заблокировано" }, fr: { title: "Bloqué", summary: "Bloqué depuis 2020." } },
  };
  const columns = ["title", "reason", "summary"];

  it("takes each column's translation where there is one, says which language each text is in, and drops the translations", () => {
    expect(recordInLanguage(event, columns, "ru", "en-GB")).toEqual({
      data: { id: "blk-1", title: "Заблокировано", reason: undefined, summary: "Blocked since 2020." },
      textLanguage: { title: "ru", summary: "en-GB" },
    });
    expect(recordInLanguage(event, columns, "en-GB", "en-GB").data).toEqual({
      id: "blk-1",
      title: "Blocked",
      reason: undefined,
      summary: "Blocked since 2020.",
    });
  });

  it("never shows the translation of a text the record does not show (withheld under small-count protection)", () => {
    const masked = { id: "r-1", authority: undefined, notes: undefined, translations: { ru: { notes: "Секрет" } } };
    const { data } = recordInLanguage(masked, ["authority", "notes"], "ru", "en-GB");
    expect(data).toEqual({ id: "r-1", authority: undefined, notes: undefined });
    expect(JSON.stringify(data)).not.toContain("Секрет");
  });
});

describe("content in a page's language", () => {
  const items = [
    { id: "a", data: { title: "A" }, mentions: [] },
    { id: "b", data: { title: "B" }, mentions: ["blk-1"] },
    { id: "b.ru", data: { title: "Б" }, mentions: [], translation: { of: "b", language: "ru", outdated: true } },
  ];

  it("lists originals only, each with its translation's data where the page's language has one", () => {
    expect(inLanguage(items, "ru", "en-GB").map((i) => [i.id, i.data.title, i.text])).toEqual([
      ["a", "A", { entry: "a", language: "en-GB", status: "untranslated", outdated: false, languages: ["en-GB"] }],
      ["b", "Б", { entry: "b.ru", language: "ru", status: "translation", outdated: true, languages: ["en-GB", "ru"] }],
    ]);
    expect(inLanguage(items, "en-GB", "en-GB").map((i) => i.text.status)).toEqual(["original", "original"]);
  });

  it("builds the sample's Russian model with the Russian post, write-up and record text, and the English one without", async () => {
    const project = await loadProject(repoRoot, { now: FIXED_NOW, expiredCanary: "warning" });
    const model = (language: string) =>
      buildSite({ ...siteModelInput(project, { ...site, language }, FIXED_NOW), mainLanguage: site.language }).model;
    const ru = model("ru");
    const en = model(site.language);
    const slug = "why-velin-mail-is-blocked-in-russia";
    const translated = project.translations.posts.find((p) => p.id === `${slug}.ru`);
    expect(ru.blog.posts.find((p) => p.id === slug)?.data.title).toBe(translated?.data.title);
    expect(en.blog.posts.find((p) => p.id === slug)?.data.title).toBe(
      project.posts.find((p) => p.id === slug)?.data.title,
    );
    expect(ru.blog.posts).toHaveLength(en.blog.posts.length);
    expect(ru.writeupText("blk-ru-2020-smtp")?.entry).toBe("blk-ru-2020-smtp.ru");
    const event = project.blockingEvents.find((e) => e.data.id === "blk-ru-2020-smtp");
    expect(ru.record("blk-ru-2020-smtp")?.title).toBe(event?.translations?.["ru"]?.["title"]);
    expect(en.record("blk-ru-2020-smtp")?.title).toBe(event?.data.title);
    // The downloads are made of the main language's records: no translated text, no translations.
    expect(JSON.stringify(en.blockingEvents.all.map((e) => e.data))).not.toMatch(/[А-Яа-яЁё]|translations/);
  });
});
