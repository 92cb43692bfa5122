import { describe, expect, it } from "vitest";
import siteConfig from "../../src/site.config.ts";
import { defineSiteConfig, SiteConfigError, type SiteConfigInput } from "../../src/contract/site-config-schema.ts";

const valid: SiteConfigInput = {
  name: "Example Transparency",
  description: "Requests and blocking.",
  url: "https://transparency.example.org",
  organisation: { name: "Example SRL", jurisdiction: "BE" },
  services: [{ id: "email", name: "Example Mail" }],
};

const messageOf = (input: unknown): string => {
  try {
    defineSiteConfig(input as SiteConfigInput);
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    return (error as Error).message;
  }
  throw new Error("expected the config to be rejected");
};

describe("site config", () => {
  it("fills in defaults", () => {
    expect(defineSiteConfig(valid)).toMatchObject({ base: "/", language: "en", timeZone: "UTC" });
  });

  it("the project's own config is valid", () => {
    expect(siteConfig.organisation.jurisdiction).toBe("BE");
  });

  it("names every bad key with what was expected and found", () => {
    const message = messageOf({
      ...valid,
      url: "transparency.example.org",
      base: "sub",
      timeZone: "Europe/Bruxelles",
      organisation: { name: "X", jurisdiction: "Belgium" },
    });
    expect(message.split("\n")).toEqual([
      "The site configuration is invalid:",
      'src/site.config.ts: url: the site\'s public address, like https://transparency.example.org, found "transparency.example.org"',
      'src/site.config.ts: base: a path that starts and ends with "/", like "/" or "/transparency/", found "sub"',
      'src/site.config.ts: organisation › jurisdiction: an ISO 3166-1 alpha-2 country code in capitals, like "BE", found "Belgium"',
      'src/site.config.ts: timeZone: an IANA time zone like "Europe/Brussels", found "Europe/Bruxelles"',
    ]);
  });

  it("keeps code out of content unless content.allowCode is true", () => {
    expect(defineSiteConfig(valid).content.allowCode).toBe(false);
    expect(defineSiteConfig({ ...valid, content: { allowCode: true } }).content.allowCode).toBe(true);
    expect(messageOf({ ...valid, content: { allowCode: "yes" } })).toContain(
      'src/site.config.ts: content › allowCode: true or false, found "yes"',
    );
  });

  it("publishes every kind unless publishes says otherwise", () => {
    const all = { requests: true, blockingEvents: true, incidents: true };
    expect(defineSiteConfig(valid).publishes).toEqual(all);
    expect(defineSiteConfig({ ...valid, publishes: { requests: false } }).publishes).toEqual({
      ...all,
      requests: false,
    });
    expect(messageOf({ ...valid, publishes: { incidents: "no" } })).toContain(
      'src/site.config.ts: publishes › incidents: true or false, found "no"',
    );
    expect(messageOf({ ...valid, publishes: false })).toContain(
      "src/site.config.ts: publishes: an object with requests, blockingEvents and incidents set to true or false, found false",
    );
  });

  it("refuses the main language among the translations, whatever its case, with the other keys' problems", () => {
    expect(defineSiteConfig({ ...valid, language: "fr-BE", translations: ["nl", "de"] }).translations).toEqual([
      "nl",
      "de",
    ]);
    const message = messageOf({
      ...valid,
      timeZone: "Europe/Bruxelles",
      language: "fr-BE",
      translations: ["nl", "FR-be"],
    });
    expect(message.split("\n")).toEqual([
      "The site configuration is invalid:",
      'src/site.config.ts: timeZone: an IANA time zone like "Europe/Brussels", found "Europe/Bruxelles"',
      'src/site.config.ts: translations › item 2: a language other than the main one (language: "fr-BE", served at /), found "FR-be"',
    ]);
  });

  it("names a missing key", () => {
    const { name: _name, ...withoutName } = valid;
    expect(messageOf(withoutName)).toContain("src/site.config.ts: name: the site's name, found nothing");
  });

  it("takes an onion address without a path and mirrors, and names what is wrong with a bad one", () => {
    const onion = `http://${"b".repeat(56)}.onion`;
    const config = defineSiteConfig({
      ...valid,
      onion: `${onion}/`,
      mirrors: [{ url: "https://m.example.net", name: "M" }],
    });
    expect(config.onion).toBe(onion);
    expect(config.mirrors).toEqual([{ url: "https://m.example.net", name: "M" }]);
    expect(defineSiteConfig(valid).mirrors).toEqual([]);
    expect(messageOf({ ...valid, onion: "https://example.org" })).toContain(
      'onion: a Tor v3 onion address, like http://<56 letters and digits>.onion, found "https://example.org"',
    );
    expect(messageOf({ ...valid, onion: `${onion}/blog/` })).toContain("onion: the onion address without a path");
    expect(messageOf({ ...valid, mirrors: [{ url: "ftp://m.example.net", name: "M" }] })).toContain(
      "mirrors › item 1 › url: a mirror's address, like https://mirror.example.net",
    );
  });
});
