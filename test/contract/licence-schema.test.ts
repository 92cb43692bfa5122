import { describe, expect, it } from "vitest";
import { defineSiteConfig, SiteConfigError, type SiteConfigInput } from "../../src/contract/site-config-schema.ts";

const valid: SiteConfigInput = {
  name: "Example Transparency",
  description: "Requests and blocking.",
  url: "https://transparency.example.org",
  organisation: { name: "Example SRL", jurisdiction: "BE" },
  services: [{ id: "email", name: "Example Mail" }],
};
const licenceOf = (licence: unknown) =>
  defineSiteConfig({ ...valid, openData: { licence } } as SiteConfigInput).openData.licence;
const problemsOf = (licence: unknown): string => {
  try {
    licenceOf(licence);
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the licence to be refused");
};

describe("the site config's openData.licence", () => {
  it("is CC BY 4.0 when left out, as every site's data was before the key", () => {
    expect(defineSiteConfig(valid).openData.licence).toEqual({
      id: "CC-BY-4.0",
      name: "Creative Commons Attribution 4.0 International",
      url: "https://creativecommons.org/licenses/by/4.0/",
    });
  });

  it("fills in the name and address of a known licence from its SPDX id", () => {
    expect(licenceOf({ id: "ODbL-1.0" })).toEqual({
      id: "ODbL-1.0",
      name: "Open Data Commons Open Database License v1.0",
      url: "https://opendatacommons.org/licenses/odbl/1-0/",
    });
  });

  it("takes any other licence with its name and address", () => {
    const mit = { id: "MIT", name: "MIT License", url: "https://opensource.org/license/mit" };
    expect(licenceOf(mit)).toEqual(mit);
  });

  it("names the key and what it expected when an unknown licence lacks its name, or the id is not an SPDX id", () => {
    expect(problemsOf({ id: "MIT" })).toMatch(
      /^src\/site\.config\.ts: openData › licence › name: the licence's name: only CC-BY-4\.0, .* need nothing but their id, found nothing$/m,
    );
    expect(problemsOf({ id: "CC BY 4.0" })).toMatch(
      /^src\/site\.config\.ts: openData › licence › id: an SPDX licence identifier, like "CC-BY-4\.0" .*, found "CC BY 4\.0"$/m,
    );
  });
});
