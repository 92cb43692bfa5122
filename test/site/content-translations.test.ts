import { readFileSync } from "node:fs";
import path from "node:path";
import { parse as parseCsv } from "csv-parse/sync";
import { IntlMessageFormat } from "intl-messageformat";
import { parse, type DefaultTreeAdapterTypes } from "parse5";
import { describe, expect, it } from "vitest";
import ru from "../../src/i18n/dictionaries/ru.json";
import site from "../../src/site.config.ts";
import { repoRoot } from "../helpers/fixture-site.ts";
import { sampleSite } from "../helpers/sample-sites.ts";

type Element = DefaultTreeAdapterTypes.Element;
type Node = DefaultTreeAdapterTypes.ChildNode | DefaultTreeAdapterTypes.Document;

/** The elements of a built page, in document order. */
function elements(html: string): Element[] {
  const found: Element[] = [];
  const visit = (node: Node): void => {
    if ("tagName" in node) found.push(node);
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
    if ("content" in node) visit(node.content as unknown as Node);
  };
  visit(parse(html));
  return found;
}
const attr = (element: Element, name: string): string | undefined => element.attrs.find((a) => a.name === name)?.value;
const text = (node: Node): string =>
  "value" in node && node.nodeName === "#text"
    ? node.value
    : "childNodes" in node
      ? node.childNodes.map((child) => text(child)).join("")
      : "";
const squeeze = (words: string): string => words.replace(/\s+/g, " ").trim();

const page = (sitePath: string): Element[] =>
  elements(readFileSync(path.join(sampleSite("/").dir, "dist", sitePath, "index.html"), "utf8"));
const one = (all: Element[], match: (e: Element) => boolean, what: string): Element => {
  const found = all.find(match);
  if (!found) throw new Error(`no ${what}`);
  return found;
};
const hasClass = (e: Element, name: string) => (attr(e, "class") ?? "").split(/\s+/).includes(name);

/** The first paragraph of an MDX file's body, as a reader sees its words. */
function firstParagraph(file: string): string {
  const source = readFileSync(path.join(repoRoot, file), "utf8");
  const body = source.split(/^---$/m).slice(2).join("---");
  return body.trim().split(/\n\n/)[0] ?? "";
}

/** The main language's name and the page's, as the Russian notice names them. */
const inRussian = (tag: string) => new Intl.DisplayNames(["ru"], { type: "language" }).of(tag) ?? tag;

describe("translated content and records, built", () => {
  const slug = "why-velin-mail-is-blocked-in-russia";

  it("serves the Russian translation of the Russia post at /ru/blog/<slug>/, with no notice", () => {
    const all = page(`ru/blog/${slug}`);
    const source = readFileSync(path.join(repoRoot, `content/blog/${slug}.ru.mdx`), "utf8");
    const title = /^title: "(.*)"$/m.exec(source)?.[1];
    expect(
      attr(
        one(all, (e) => e.tagName === "html", "html"),
        "lang",
      ),
    ).toBe("ru");
    expect(squeeze(text(one(all, (e) => e.tagName === "h1", "h1")))).toBe(title);
    const body = one(all, (e) => hasClass(e, "post-body"), "post body");
    expect(attr(body, "lang")).toBeUndefined();
    expect(squeeze(text(body))).toContain(squeeze(firstParagraph(`content/blog/${slug}.ru.mdx`)));
    expect(squeeze(text(body))).not.toContain("Since 4 March 2020");
    expect(all.some((e) => hasClass(e, "translation-notice"))).toBe(false);
    // Its components rendered in Russian, and its links keep the reader in Russian.
    const links = all.filter((e) => e.tagName === "a").map((e) => attr(e, "href"));
    expect(links).toContain("/ru/blocking/blk-ru-2020-smtp/");
    expect(links).toContain("/ru/blocking/blk-ru-2020-smtp/#reach-us");
  });

  it("keeps the English post at /blog/<slug>/", () => {
    const all = page(`blog/${slug}`);
    expect(squeeze(text(one(all, (e) => hasClass(e, "post-body"), "post body")))).toContain(
      squeeze(firstParagraph(`content/blog/${slug}.mdx`)),
    );
  });

  it("shows an untranslated post in the main language, marked with its lang, under the notice", () => {
    const other = "how-we-answer-requests";
    const all = page(`ru/blog/${other}`);
    const notice = one(all, (e) => hasClass(e, "translation-notice"), "notice");
    const expected = new IntlMessageFormat(ru.language.notTranslated, "ru").format({
      language: inRussian("ru"),
      main: inRussian(site.language),
    });
    expect(squeeze(text(notice))).toBe(expected);
    const body = one(all, (e) => hasClass(e, "post-body"), "post body");
    expect(attr(body, "lang")).toBe(site.language);
    expect(squeeze(text(body))).toContain(squeeze(firstParagraph(`content/blog/${other}.mdx`)));
    // The title is marked on the h1 or on the one element that holds its text.
    const h1 = one(all, (e) => e.tagName === "h1", "h1");
    const inner = h1.childNodes.find((child): child is Element => "tagName" in child && child.tagName === "span");
    const titleHolder = attr(h1, "lang") === undefined && inner ? inner : h1;
    expect(attr(titleHolder, "lang")).toBe(site.language);
  });

  it("gives a Russian blocking event its Russian title and summary, and its Russian write-up", () => {
    const rows = parseCsv<Record<string, string>>(readFileSync(path.join(repoRoot, "data/blocking-events.csv")), {
      columns: true,
    });
    const row = rows.find((r) => r["id"] === "blk-ru-2020-smtp");
    const all = page("ru/blocking/blk-ru-2020-smtp");
    const h1 = one(all, (e) => e.tagName === "h1", "h1");
    expect(squeeze(text(h1))).toBe(row?.["title.ru"]);
    expect(attr(h1, "lang")).toBe("ru");
    expect(all.some((e) => squeeze(text(e)) === row?.["summary.ru"])).toBe(true);
    const writeup = one(all, (e) => attr(e, "id") === "writeup-heading", "write-up heading");
    const source = readFileSync(path.join(repoRoot, "content/records/blk-ru-2020-smtp.ru.mdx"), "utf8");
    expect(squeeze(text(writeup))).toBe(/^title: "(.*)"$/m.exec(source)?.[1]);
    // The same event in English keeps its own title; one with no translation is marked as English on the Russian page.
    expect(squeeze(text(one(page("blocking/blk-ru-2020-smtp"), (e) => e.tagName === "h1", "h1")))).toBe(row?.["title"]);
    const china = one(page("ru/blocking/blk-cn-2021-vpn"), (e) => e.tagName === "h1", "h1");
    expect(attr(china, "lang")).toBe(site.language);
  });

  it("keeps the downloads one dataset in the main language: no translated column", () => {
    const csv = readFileSync(path.join(sampleSite("/").dir, "dist/data/blocking-events.csv"), "utf8");
    const [header = ""] = csv.split(/\r?\n/);
    expect(header.split(",").filter((column) => column.includes("."))).toEqual([]);
    expect(csv).not.toMatch(/[А-Яа-яЁё]/);
  });
});
