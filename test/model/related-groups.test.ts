import { describe, expect, it } from "vitest";
import { projectSite } from "../../src/model/project-model.ts";
import { groupRelated, type RelatedRef } from "../../src/model/related-groups.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import site from "../../src/site.config.ts";
import { FIXED_NOW, repoRoot } from "../helpers/fixture-site.ts";
import { sampleLoadOptions } from "../helpers/release-fixture.ts";
import { shippedTranslator } from "../helpers/shipped-translator.ts";
import { buildSite, siteModelInput } from "../../src/model/project-model.ts";

const ref = (key: string, kind: RelatedRef["kind"], title: string, sortDate: string, state = ""): RelatedRef => ({
  key,
  kind,
  title,
  titleLanguage: "en-GB",
  path: `/${key}/`,
  date: sortDate,
  sortDate,
  state,
});

describe("related records, grouped", () => {
  it("puts things of a kind with the same title in one group, newest first; posts, blocks, incidents, requests", () => {
    const groups = groupRelated([
      ref("req-1", "requests", "Roskomnadzor, Russia", "2020-03-01", "Refused"),
      ref("req-2", "requests", "Police, Belgium", "2021-01-01", "Disclosed"),
      ref("req-3", "requests", "Roskomnadzor, Russia", "2023-05-01", "Refused"),
      ref("blk-1", "blockingEvents", "Russia blocks us", "2020-03-04", "Ongoing"),
      ref("post:ru", "posts", "Why we are blocked", "2020-03-12"),
      ref("inc-1", "incidents", "Roskomnadzor, Russia", "2020-06-01", "Resolved"),
    ]);
    expect(groups.map((g) => [g.kind, g.title, g.items.map((i) => i.key)])).toEqual([
      ["posts", "Why we are blocked", ["post:ru"]],
      ["blockingEvents", "Russia blocks us", ["blk-1"]],
      ["incidents", "Roskomnadzor, Russia", ["inc-1"]],
      ["requests", "Roskomnadzor, Russia", ["req-3", "req-1"]],
      ["requests", "Police, Belgium", ["req-2"]],
    ]);
  });

  // With small-count protection off, as on a site that publishes every country by name, the sample's Russian
  // block is related to seven requests of Roskomnadzor: one line, not seven.
  it("groups the sample's Russian block's requests under one title, each with its date and outcome", async () => {
    const { model } = projectSite(
      await loadProject(repoRoot, { now: FIXED_NOW, expiredCanary: "warning" }),
      { ...site, report: { ...site.report, smallCountThreshold: undefined } },
      FIXED_NOW,
    );
    const related = model.related("blk-ru-2020-smtp");
    const requests = related.filter((r) => r.kind === "requests");
    const groups = groupRelated(related).filter((g) => g.kind === "requests");
    // Every request is in exactly one group, and no two groups share a title.
    expect(groups.flatMap((g) => g.items.map((i) => i.key)).sort()).toEqual(requests.map((r) => r.key).sort());
    expect(new Set(groups.map((g) => g.title)).size).toBe(groups.length);
    expect(groups.find((g) => g.title === "Roskomnadzor, Russia")?.items.length).toBeGreaterThan(1);
    expect(groups.length).toBeLessThan(requests.length);
    for (const item of groups.flatMap((g) => g.items)) {
      const record = model.record(item.key);
      expect(record?.kind).toBe("requests");
      if (record?.kind !== "requests") continue;
      expect(item.sortDate).toBe(record.data.received.start);
      expect(item.state).not.toBe("");
    }
  });

  it("says which language each related title is in on a Russian page: a translated title's, else the main language's", async () => {
    const project = await loadProject(repoRoot, sampleLoadOptions());
    const { model } = buildSite({
      ...siteModelInput(project, { ...site, language: "ru" }, FIXED_NOW),
      mainLanguage: site.language,
      translator: shippedTranslator("ru"),
    });
    const titles = new Map(model.related("blk-ru-2020-smtp").map((r) => [r.key, [r.title, r.titleLanguage]]));
    // Translated in the data (title.ru) and in content/ (a .ru.mdx): in Russian, said to be Russian.
    expect(titles.get("blk-ru-2020-mailru-yandex")).toEqual([
      "Письма на адреса mail.ru и Яндекса молча пропадают",
      "ru",
    ]);
    expect(titles.get("post:why-velin-mail-is-blocked-in-russia")?.[1]).toBe("ru");
    // An incident without a Russian title: its English text, said to be in the main language.
    expect(titles.get("inc-2020-ru-fine")?.[1]).toBe(site.language);
    // A request's title is made of the page's words.
    const request = [...titles].find(([key]) => key.startsWith("req-"));
    if (request) expect(request[1][1]).toBe("ru");
  });
});
