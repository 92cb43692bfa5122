import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadProject, type LoadOptions } from "../../../src/load/project/load-project.ts";
import { formatProblem, type Problem } from "../../../src/load/validation/problem.ts";
import { FIXED_NOW } from "../../helpers/fixture-site.ts";

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

/** A project of `files` (path → text), written as an editor's tools would: CRLF where given. */
function project(files: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "vitrine-translations-"));
  roots.push(root);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const options: LoadOptions = {
  now: FIXED_NOW,
  canary: undefined,
  allowCode: false,
  languages: { language: "en-GB", translations: ["ru", "fr"] },
};

/** The warnings about content/ (the dictionaries' own warnings, a language's missing words, are tested with them). */
const contentWarnings = (warnings: readonly Problem[]) => warnings.filter((w) => w.file.startsWith("content/"));

const AUTHOR = "---\nname: Ana\nbio: Writes.\n---\n";
const POST = (extra = "") =>
  `---\ntitle: "Blocked in Russia"\ndescription: "Why."\ndate: "2026-03-01"\n${extra}authors: [ana]\ntags: [russia]\n---\n\nThe English text.\n`;

describe("translations of posts, pages and write-ups", () => {
  it("reads a translation beside its original: same post, its own words over the original's frontmatter", async () => {
    const root = project({
      "content/authors/ana.mdx": AUTHOR,
      "content/blog/blocked.mdx": POST(),
      "content/blog/blocked.ru.mdx": '---\ntitle: "Блокировка в России"\n---\n\nРусский текст.\n',
      "content/pages/about.mdx": '---\ntitle: "About"\ndescription: "Who we are."\n---\n\nUs.\n',
      "content/pages/about.fr.mdx": '---\ntitle: "À propos"\ndescription: "Qui nous sommes."\n---\n\nNous.\n',
    });
    const loaded = await loadProject(root, options);
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(contentWarnings(loaded.warnings)).toEqual([]);
    // A translation is not a new post or page.
    expect(loaded.posts.map((p) => p.id)).toEqual(["blocked"]);
    expect(loaded.pages.map((p) => p.id)).toEqual(["about"]);
    const [ru] = loaded.translations.posts;
    expect(ru?.id).toBe("blocked.ru");
    expect(ru?.translation).toEqual({ of: "blocked", language: "ru", outdated: false });
    // Its own title; the original's date, authors and tags.
    expect(ru?.data).toMatchObject({
      title: "Блокировка в России",
      description: "Why.",
      date: "2026-03-01",
      authors: ["ana"],
      tags: ["russia"],
    });
    expect(loaded.translations.pages[0]?.data).toEqual({ title: "À propos", description: "Qui nous sommes." });
  });

  it("refuses a translation without an original, in a language the site does not have, or in its main language", async () => {
    const root = project({
      "content/authors/ana.mdx": AUTHOR,
      "content/blog/blocked.mdx": POST(),
      "content/blog/lost.ru.mdx": '---\ntitle: "Потерянный"\n---\n\nТекст.\n',
      "content/blog/blocked.es.mdx": '---\ntitle: "Bloqueado"\n---\n\nTexto.\n',
      "content/blog/blocked.en-gb.mdx": '---\ntitle: "Blocked"\n---\n\nText.\n',
    });
    const loaded = await loadProject(root, options);
    expect(loaded.problems.map(formatProblem)).toEqual([
      'content/blog/blocked.en-gb.mdx:1:1: file name: no language for the site\'s main language (en-GB): its text is content/blog/blocked.mdx, found "blocked.en-gb.mdx"',
      'content/blog/blocked.es.mdx:1:1: file name: <name>.<language>.mdx with a language of the site\'s translations in src/site.config.ts (ru, fr), found "blocked.es.mdx"',
      'content/blog/lost.ru.mdx:1:1: file name: a translation beside its original, content/blog/lost.mdx, which is not there (a translation is not a new text), found "lost.ru.mdx"',
    ]);
    expect(loaded.translations.posts).toEqual([]);
  });

  it("checks a translation's frontmatter as an original's, at its line and column, and refuses keys that are the original's", async () => {
    const root = project({
      "content/authors/ana.mdx": AUTHOR,
      "content/blog/blocked.mdx": POST(),
      "content/blog/blocked.ru.mdx":
        '---\r\ntitle: "Блокировка"\r\ndescription: 42\r\ndate: "2026-04-01"\r\nsourceUpdated: "1 March"\r\n---\r\n\r\nТекст <Record id="x" />\r\n',
    });
    const lines = (await loadProject(root, options)).problems.map(formatProblem);
    expect(lines).toContain(
      'content/blog/blocked.ru.mdx:4:1: date: a known key: title, description, imageAlt, sourceUpdated, tags, found "date"',
    );
    expect(lines.some((line) => line.startsWith("content/blog/blocked.ru.mdx:3:1: description: "))).toBe(true);
    expect(
      lines.some((line) => line.startsWith("content/blog/blocked.ru.mdx:5:1: sourceUpdated: a date as YYYY-MM-DD")),
    ).toBe(true);
    // Its body's components are checked against the data, as an original's are.
    expect(lines.some((line) => line.startsWith("content/blog/blocked.ru.mdx:8:"))).toBe(true);
  });

  it("warns, without failing, about a translation whose original was updated after the version it follows", async () => {
    const root = project({
      "content/authors/ana.mdx": AUTHOR,
      "content/blog/blocked.mdx": POST('updated: "2026-05-10"\n'),
      // Written for the first version (no sourceUpdated: the original as first published).
      "content/blog/blocked.ru.mdx": '---\ntitle: "Блокировка"\n---\n\nТекст.\n',
      // Brought up to date with the update.
      "content/blog/blocked.fr.mdx": '---\ntitle: "Bloqué"\nsourceUpdated: "2026-05-10"\n---\n\nTexte.\n',
      "content/pages/about.mdx": '---\ntitle: "About"\ndescription: "Us."\nupdated: "2026-06-01"\n---\n\nUs.\n',
      "content/pages/about.ru.mdx": '---\ntitle: "О нас"\nsourceUpdated: "2026-02-01"\n---\n\nМы.\n',
    });
    const loaded = await loadProject(root, options);
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    expect(contentWarnings(loaded.warnings).map(formatProblem)).toEqual([
      'content/blog/blocked.ru.mdx:1:1: sourceUpdated: the version of content/blog/blocked.mdx it translates: the original was updated 2026-05-10, after this translation; bring the translation up to date, then set sourceUpdated: "2026-05-10", found ""',
      'content/pages/about.ru.mdx:3:1: sourceUpdated: the version of content/pages/about.mdx it translates: the original was updated 2026-06-01, after this translation; bring the translation up to date, then set sourceUpdated: "2026-06-01", found "2026-02-01"',
    ]);
    const outdated = (id: string) =>
      [...loaded.translations.posts, ...loaded.translations.pages].find((t) => t.id === id)?.translation?.outdated;
    expect([outdated("blocked.ru"), outdated("blocked.fr"), outdated("about.ru")]).toEqual([true, false, true]);
  });

  it("refuses a sourceUpdated the original never had (after its last update)", async () => {
    const root = project({
      "content/authors/ana.mdx": AUTHOR,
      "content/blog/blocked.mdx": POST(),
      "content/blog/blocked.ru.mdx": '---\ntitle: "Блокировка"\nsourceUpdated: "2026-09-01"\n---\n\nТекст.\n',
    });
    expect((await loadProject(root, options)).problems.map(formatProblem)).toEqual([
      'content/blog/blocked.ru.mdx:3:1: sourceUpdated: a date its original has had: content/blog/blocked.mdx was last updated 2026-03-01, found "2026-09-01"',
    ]);
  });

  it("translates write-ups of records too, and authors not at all", async () => {
    const root = project({
      "data/blocking-events.csv":
        "id,title,country,started,status,targets,confidence,summary\r\nblk-1,Blocked,RU,2020-03-04,ongoing,smtp,measured,Blocked.\r\n",
      "content/records/blk-1.mdx": '---\ntitle: "In detail"\n---\n\nText.\n',
      "content/records/blk-1.ru.mdx": '---\ntitle: "Подробности"\n---\n\nТекст.\n',
      "content/authors/ana.mdx": AUTHOR,
      "content/authors/ana.ru.mdx": AUTHOR,
    });
    const loaded = await loadProject(root, options);
    expect(loaded.translations.writeups.map((w) => [w.id, w.data.title])).toEqual([["blk-1.ru", "Подробности"]]);
    expect(loaded.problems.map((p) => `${p.file} ${p.field}`)).toEqual(["content/authors/ana.ru.mdx file name"]);
  });
});

describe("a post translation's tag labels", () => {
  /** The original's tags, as an editor writes them: one in capitals, one of two words. */
  const TAGGED = POST().replace("tags: [russia]", "tags: [Russia, roskomnadzor, censorship, Net Neutrality]");

  it("names the original's tags in its language, keyed as the original writes them or by slug; the tags stay the original's", async () => {
    const root = project({
      "content/authors/ana.mdx": AUTHOR,
      "content/blog/blocked.mdx": TAGGED,
      "content/blog/blocked.ru.mdx":
        "---\r\ntitle: Блокировка\r\ntags:\r\n  Russia: Россия\r\n  roskomnadzor: ' Роскомнадзор '\r\n  net-neutrality: сетевой нейтралитет\r\n---\r\n\r\nТекст.\r\n",
    });
    const loaded = await loadProject(root, options);
    expect(loaded.problems.map(formatProblem)).toEqual([]);
    const [ru] = loaded.translations.posts;
    // By slug, trimmed; a tag the translation leaves out (censorship) has no label of its own.
    expect(ru?.translation?.tags).toEqual({
      russia: "Россия",
      roskomnadzor: "Роскомнадзор",
      "net-neutrality": "сетевой нейтралитет",
    });
    expect(ru?.data.tags).toEqual(["Russia", "roskomnadzor", "censorship", "Net Neutrality"]);
  });

  it("refuses a key that is none of the original's tags at its line and column, naming the closest first, a blank label, a tag named twice: all in one run", async () => {
    const root = project({
      "content/authors/ana.mdx": AUTHOR,
      "content/blog/blocked.mdx": TAGGED,
      "content/blog/blocked.ru.mdx": [
        "---",
        "title: Блокировка",
        "tags:",
        "  roskomnadzr: Роскомнадзор",
        "  censorship: '  '",
        "  russia: Россия",
        "  RUSSIA: Российская Федерация",
        "---",
        "",
        "Текст.",
        "",
      ].join("\n"),
    });
    expect((await loadProject(root, options)).problems.map(formatProblem)).toEqual([
      'content/blog/blocked.ru.mdx:4:3: tags › roskomnadzr: one of the tags of content/blog/blocked.mdx, as it writes them or as their slugs: roskomnadzor, Russia, censorship, Net Neutrality, found "roskomnadzr"',
      'content/blog/blocked.ru.mdx:5:15: tags › censorship: some text, found ""',
      'content/blog/blocked.ru.mdx:7:3: tags › RUSSIA: one label for the tag Russia: russia names it already, found "RUSSIA"',
    ]);
  });

  it("is a map: a list of tags is refused at the key, and a page's translation has no tags", async () => {
    const root = project({
      "content/authors/ana.mdx": AUTHOR,
      "content/blog/blocked.mdx": TAGGED,
      "content/blog/blocked.ru.mdx": "---\ntitle: Блокировка\ntags: [Россия, цензура]\n---\n\nТекст.\n",
      "content/pages/about.mdx": '---\ntitle: "About"\ndescription: "Us."\n---\n\nUs.\n',
      "content/pages/about.ru.mdx": "---\ntitle: О нас\ntags:\n  about: о нас\n---\n\nМы.\n",
    });
    expect((await loadProject(root, options)).problems.map(formatProblem)).toEqual([
      'content/blog/blocked.ru.mdx:3:1: tags: a map from each of the original\'s tags to its label in this language, like roskomnadzor: Роскомнадзор, found "[Россия, цензура]"',
      'content/pages/about.ru.mdx:3:1: tags: a known key: title, description, sourceUpdated, found "tags"',
    ]);
  });
});
