import { describe, expect, it } from "vitest";
import { parsePartialDate, type PartialDate } from "../../../src/contract/fields/partial-date.ts";
import { bannerEvents, bannerLines } from "../../../src/model/records/blocking-banner.ts";
import { describeEvidence, statusText } from "../../../src/model/records/blocking-words.ts";
import type { BlockingEvent } from "../../../src/contract/schemas/blocking-event.ts";

const event = (id: string, status: BlockingEvent["status"], targets: BlockingEvent["targets"], ended?: string) => ({
  id,
  data: { status, targets, ...(ended ? { ended: parsePartialDate(ended) as PartialDate } : {}) },
});
const services = [
  { id: "email", name: "Mail", targets: ["smtp", "imap", "webmail"] as BlockingEvent["targets"], core: true },
  { id: "vpn", name: "VPN", targets: ["vpn"] as BlockingEvent["targets"], core: false },
];

describe("site-wide blocking banner", () => {
  const events = [
    event("smtp-now", "ongoing", ["smtp"]),
    event("vpn-now", "ongoing", ["vpn"]),
    event("smtp-lifted", "lifted", ["smtp"], "2020-01-01"),
    event("web-partial", "partial", ["webmail"]),
    event("web-unknown", "unknown", ["webmail"]),
  ];

  it("names the events in force that block a core service's target, never unknown or lifted ones", () => {
    expect(bannerEvents(events, { blockingBanner: true, services }).map((e) => e.id)).toEqual([
      "smtp-now",
      "web-partial",
    ]);
  });

  it("is off unless the site config turns it on", () => {
    expect(bannerEvents(events, { blockingBanner: false, services })).toEqual([]);
  });
});

describe("blocking words", () => {
  it("never calls an unknown status ongoing", () => {
    expect(statusText("unknown")).toBe("Status unknown");
    expect(statusText("partial")).toBe("Partly blocked");
  });

  it("names OONI measurements as such and always gives the domain", () => {
    expect(
      describeEvidence("https://explorer.ooni.org/measurement/20200304T101530Z_webconnectivity_RU_12389_n1_AbC"),
    ).toEqual({
      text: "OONI measurement 20200304T101530Z_webconnectivity_RU_12389_n1_AbC",
      domain: "explorer.ooni.org",
      kind: "ooni-measurement",
    });
    expect(describeEvidence("https://example.org/report.pdf")).toEqual({
      text: "https://example.org/report.pdf",
      domain: "example.org",
      kind: "link",
    });
  });

  // A stray % in an OONI link threw URIError with a stack trace in the build of the blocking page.
  it.each([
    ["20200304T101530Z_n1_AbC%", "20200304T101530Z_n1_AbC%"],
    ["abc%zz", "abc%zz"],
    ["half-%E0%A4", "half-%E0%A4"],
    ["caf%C3%A9", "café"],
  ])("describes an OONI link whose id is %s without throwing, as %s", (id, shown) => {
    expect(describeEvidence(`https://explorer.ooni.org/m/${id}`)).toEqual({
      text: `OONI measurement ${shown}`,
      domain: "explorer.ooni.org",
      kind: "ooni-measurement",
    });
  });
});

describe("the banner's line", () => {
  const view = (id: string, country: string, status: BlockingEvent["status"], targets: BlockingEvent["targets"]) => ({
    path: `/blocking/${id}/`,
    countryName: country,
    countryPath: `/countries/${country.toLowerCase()}/`,
    data: { status, targets },
  });

  it("names each core service once with each country once, partly where every block there is partial", () => {
    const lines = bannerLines(
      [
        view("ru-smtp", "Russia", "ongoing", ["smtp"]),
        view("ru-delivery", "Russia", "ongoing", ["smtp"]),
        view("ir-web", "Iran", "partial", ["webmail"]),
      ],
      services,
    );
    expect(lines).toEqual([
      {
        service: "Mail",
        places: [
          { countryName: "Russia", path: "/countries/russia/", partial: false },
          { countryName: "Iran", path: "/blocking/ir-web/", partial: true },
        ],
      },
    ]);
  });

  it("leaves out services that are not core or not blocked", () => {
    expect(bannerLines([view("cn-vpn", "China", "ongoing", ["vpn"])], services)).toEqual([]);
  });
});
