import { describe, expect, it } from "vitest";
import { themeCss } from "../../src/output/theme-css.ts";

describe("the theme's CSS", () => {
  it("is empty for a site that sets no colour", () => {
    expect(themeCss({})).toBe("");
  });

  it("sets each colour with the selectors of its scheme in the package's CSS, light first", () => {
    expect(themeCss({ link: { light: "#00607a", dark: "#7fd4ea" }, accent: { light: "#7a3b00" } }).split("\n")).toEqual(
      [
        ":root { --link: #00607a; --accent: #7a3b00; }",
        ':root[data-theme="dark"] { --link: #7fd4ea; }',
        '@media (prefers-color-scheme: dark) { :root:not([data-theme="light"]) { --link: #7fd4ea; } }',
      ],
    );
  });

  it("leaves a scheme the site does not set to the package", () => {
    expect(themeCss({ muted: { dark: "#a0aab4" } })).not.toContain(":root {");
  });
});
