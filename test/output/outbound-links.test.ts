import { describe, expect, it } from "vitest";
import { isOutbound, outboundRel } from "../../src/output/outbound-links.ts";

const SITE = "https://transparency.example.org/";

describe("outbound links", () => {
  it.each([
    ["https://explorer.ooni.org/m/1", true],
    ["HTTP://creativecommons.org/licenses/by/4.0/", true],
    ["//evil.example/x", true],
    ["https://transparency.example.org/blog/", false],
    ["/blog/", false],
    ["#main", false],
    ["mailto:press@example.org", false],
    ["relative/path/", false],
  ])("%s leaves the site: %s", (target, expected) => {
    expect(isOutbound(target, SITE)).toBe(expected);
  });

  it("adds noreferrer to the rel of a link to another origin, once, keeping the other tokens", () => {
    expect(outboundRel("https://example.com/", SITE)).toBe("noreferrer");
    expect(outboundRel("https://example.com/", SITE, "license")).toBe("license noreferrer");
    expect(outboundRel("https://example.com/", SITE, "me noreferrer")).toBe("me noreferrer");
    expect(outboundRel("/data/", SITE, "prev")).toBe("prev");
    expect(outboundRel("/data/", SITE)).toBeUndefined();
  });
});
