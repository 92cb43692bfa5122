import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { projectSite } from "../../src/model/project-model.ts";
import type { SiteModel } from "../../src/model/site-model.ts";
import { loadProject } from "../../src/load/project/load-project.ts";
import site from "../../src/site.config.ts";
import { createComponentRenderer, type ComponentRenderer } from "../helpers/astro-container.ts";
import { FIXED_NOW, repoRoot } from "../helpers/fixture-site.ts";

// The components behind <Record>, <Status>, <Figure>, <Callout> and <CallToAction>, rendered with
// the Container API on the sample data (the MDX-facing wrappers only look records up by id).
describe("MDX components (Astro Container API)", () => {
  let model: SiteModel;
  let renderer: ComponentRenderer;
  const render = (component: string, props: Record<string, unknown>, slot?: string): Promise<string> =>
    renderer.render(component, props, slot);

  beforeAll(async () => {
    model = projectSite(await loadProject(repoRoot, { now: FIXED_NOW }), site, FIXED_NOW).model;
    renderer = await createComponentRenderer();
  });

  afterAll(async () => {
    await renderer?.close();
  });

  /** A record's view in the site model, as the MDX wrappers look it up by id. */
  const entry = (id: string) => {
    const record = model.record(id);
    if (!record) throw new Error(`no ${id}`);
    return record;
  };

  it("Record: a card for a blocking event, an incident and a request, each linking to its page", async () => {
    const blocking = await render("RecordSummary", { record: entry("blk-ru-2020-smtp") });
    expect(blocking).toContain('<p class="kind">Blocking event · Russia</p>');
    expect(blocking).toContain('href="/blocking/blk-ru-2020-smtp/"');
    expect(blocking).toMatch(/<span class="badge ongoing">Ongoing<\/span>/);
    const incident = await render("RecordSummary", { record: entry("inc-2019-bomb-threats") });
    expect(incident).toContain("Incident · Abuse");
    expect(incident).toContain('href="/incidents/inc-2019-bomb-threats/"');
    const request = await render("RecordSummary", { record: entry("req-2020-003") });
    expect(request).toContain("Request · Belgium");
    expect(request).toContain('href="/transparency/requests/req-2020-003/"');
    // Russia's one request of the first half of 2020 is under the sample's threshold of 3: no country, no authority.
    const masked = await render("RecordSummary", { record: entry("req-2020-001") });
    expect(masked).toContain("Request · Other countries");
    expect(masked).toContain("An authority in a country not named");
    expect(masked).toContain("Outcome: Rejected.");
  });

  it("Status: ongoing with its running duration, lifted with its end, unknown never as ongoing, incidents open or resolved", async () => {
    const days = Math.floor((FIXED_NOW.getTime() - Date.parse("2020-03-04")) / 86_400_000);
    expect(await render("StatusText", { record: entry("blk-ru-2020-smtp") })).toContain(
      `Ongoing</span> since 4 March 2020, for ${days.toLocaleString("en-GB")} days and counting`,
    );
    expect(await render("StatusText", { record: entry("blk-ru-2019-smtp") })).toContain(
      "Lifted</span> 5 February 2019 to 18 June 2019, for 133 days",
    );
    const unknown = await render("StatusText", { record: entry("blk-tm-2023-website") });
    expect(unknown).toContain("Status unknown</span> started May 2023, current status unknown");
    expect(unknown).not.toContain("Ongoing");
    expect(await render("StatusText", { record: entry("inc-2021-ddos") })).toMatch(
      /Resolved<\/span> 8 November 2021, 06:40 \(UTC\+01:00\) to 8 November 2021, 13:05 \(UTC\+01:00\), resolved within a day/,
    );
    expect(await render("StatusText", { record: entry("inc-2025-phishing-lookalike") })).toMatch(
      /Open<\/span> since 22 September 2025, 08:00 \(UTC\+02:00\), for \d+ days and counting/,
    );
  });

  it("Figure: the formatted value linking to its source page", async () => {
    const figure = model.figure({ metric: "requests", period: "2024-H1" });
    const html = await render("FigureLink", { figure });
    expect(html).toBe(
      `<a class="figure-embed" href="/transparency/2024-h1/" title="Source: the transparency report, in the first half of 2024">${figure.text}</a>`,
    );
    // With the date its data stands at, so a journalist can cite it.
    expect(await render("FigureLink", { figure, asOf: "2024-06-30" })).toBe(
      `${html}<span class="figure-as-of"> (as of 30 June 2024)</span>`,
    );
  });

  it("Callout and CallToAction: a titled box and one prominent link with the base path", async () => {
    const callout = await render("mdx/Callout", { type: "action" }, "<p>Complain.</p>");
    expect(callout).toBe(
      '<aside class="callout action" aria-label="What you can do"><p class="callout-title">What you can do</p><p>Complain.</p></aside>',
    );
    expect(await render("mdx/Callout", { title: "Heads up" }, "x")).toContain(
      '<aside class="callout note" aria-label="Heads up">',
    );
    expect(await render("mdx/CallToAction", { href: "/blocking/" }, "See")).toBe(
      '<p class="call-to-action"><a href="/blocking/">See</a></p>',
    );
    expect(await render("mdx/CallToAction", { href: "https://example.org/" }, "Go")).toContain(
      'href="https://example.org/"',
    );
  });
});
