import { getRssString } from "@astrojs/rss";
import { XMLParser } from "fast-xml-parser";
import { parseFragment } from "parse5";
import { describe, expect, it } from "vitest";
import { ATOM_NAMESPACE, feedText, toRssItems } from "../../../src/output/feeds/record-feed.ts";

const HOSTILE = "<img src=x onerror=alert(1)>";

/** What a feed reader shows for a description: it reads the XML text, then that text as HTML. */
function asFeedReaderSees(description: string): { elements: string[]; text: string } {
  const fragment = parseFragment(description);
  const elements: string[] = [];
  let text = "";
  const visit = (node: (typeof fragment.childNodes)[number]): void => {
    if ("tagName" in node) elements.push(node.tagName);
    if (node.nodeName === "#text" && "value" in node) text += node.value;
    if ("childNodes" in node) for (const child of node.childNodes) visit(child);
  };
  for (const node of fragment.childNodes) visit(node);
  return { elements, text };
}

describe("feed descriptions", () => {
  it("show markup in a record summary as text: no element for a feed reader to load", async () => {
    const summary = `Blocked ${HOSTILE} & <b>bold</b> "quoted"`;
    const xml = await getRssString({
      title: "T",
      description: "D",
      site: "https://example.org/",
      xmlns: { atom: ATOM_NAMESPACE },
      items: toRssItems([
        {
          id: "blk-1",
          title: "A block",
          path: "blocking/blk-1/",
          description: summary,
          published: new Date("2024-01-01T00:00:00Z"),
          updated: new Date("2024-01-02T00:00:00Z"),
        },
      ]),
    });
    const feed = new XMLParser().parse(xml) as { rss: { channel: { item: { title: string; description: string } } } };
    expect(feed.rss.channel.item.title).toBe("A block");
    const seen = asFeedReaderSees(feed.rss.channel.item.description);
    expect(seen.elements).toEqual([]);
    expect(seen.text).toBe(summary);
  });

  it("escapes exactly the characters HTML reads as markup", () => {
    expect(feedText(HOSTILE)).toBe("&lt;img src=x onerror=alert(1)&gt;");
    expect(feedText("AT&T")).toBe("AT&amp;T");
    expect(asFeedReaderSees(HOSTILE).elements).toEqual(["img"]);
  });
});
