import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadProject, type Project } from "../src/lib/project/load-project.ts";
import { queryFigure } from "../src/lib/report/figure-query.ts";
import { createComponentRenderer, type ComponentRenderer } from "./helpers/astro-container.ts";
import { FIXED_NOW, repoRoot } from "./helpers/fixture-site.ts";

// The components behind <Record>, <Status>, <Figure>, <Callout> and <CallToAction>, rendered with
// the Container API on the sample data (the MDX-facing wrappers only look records up by id).
describe("MDX components (Astro Container API)", () => {
  let project: Project;
  let renderer: ComponentRenderer;
  const render = (component: string, props: Record<string, unknown>, slot?: string): Promise<string> =>
    renderer.render(component, props, slot);

  beforeAll(async () => {
    project = await loadProject(repoRoot, { now: FIXED_NOW });
    renderer = await createComponentRenderer();
  });

  afterAll(async () => {
    await renderer?.close();
  });

  const entry = (kind: "requests" | "blockingEvents" | "incidents", id: string) => {
    const list =
      kind === "requests" ? project.requests : kind === "blockingEvents" ? project.blockingEvents : project.incidents;
    const record = list.find((r) => r.data.id === id);
    if (!record) throw new Error(`no ${id}`);
    return { kind, entry: { id, collection: kind, data: record.data } };
  };

  it("Record: a card for a blocking event, an incident and a request, each linking to its page", async () => {
    const blocking = await render("RecordCard", { record: entry("blockingEvents", "blk-ru-2020-smtp") });
    expect(blocking).toContain('<p class="kind">Blocking event · Russia</p>');
    expect(blocking).toContain('href="/blocking/blk-ru-2020-smtp/"');
    expect(blocking).toMatch(/<span class="badge ongoing">Ongoing<\/span>/);
    const incident = await render("RecordCard", { record: entry("incidents", "inc-2019-bomb-threats") });
    expect(incident).toContain("Incident · Abuse");
    expect(incident).toContain('href="/incidents/inc-2019-bomb-threats/"');
    const request = await render("RecordCard", { record: entry("requests", "req-2020-001") });
    expect(request).toContain("Request · Russia");
    expect(request).toContain("outcome: rejected");
  });

  it("Status: ongoing with its running duration, lifted with its end, unknown never as ongoing, incidents open or resolved", async () => {
    const days = Math.floor((FIXED_NOW.getTime() - Date.parse("2020-03-04")) / 86_400_000);
    expect(
      await render("StatusText", { record: entry("blockingEvents", "blk-ru-2020-smtp"), now: FIXED_NOW }),
    ).toContain(`Ongoing</span> for ${days.toLocaleString("en-GB")} days and counting`);
    expect(
      await render("StatusText", { record: entry("blockingEvents", "blk-ru-2019-smtp"), now: FIXED_NOW }),
    ).toContain("Lifted</span> until 18 June 2019");
    const unknown = await render("StatusText", {
      record: entry("blockingEvents", "blk-tm-2023-website"),
      now: FIXED_NOW,
    });
    expect(unknown).toContain("Status unknown</span>");
    expect(unknown).not.toContain("Ongoing");
    expect(await render("StatusText", { record: entry("incidents", "inc-2021-ddos"), now: FIXED_NOW })).toMatch(
      /Resolved<\/span> resolved on 8 November 2021/,
    );
    expect(
      await render("StatusText", { record: entry("incidents", "inc-2025-phishing-lookalike"), now: FIXED_NOW }),
    ).toMatch(/Open<\/span> open for \d+ days and counting/);
  });

  it("Figure: the formatted value linking to its source page", async () => {
    const figure = queryFigure(
      project.requests.map((r) => r.data),
      { metric: "requests", period: "2024-H1" },
      { locale: "en-GB" },
    );
    const html = await render("FigureLink", { figure });
    expect(html).toBe(
      `<a class="figure-embed" href="/transparency/2024-h1/" title="Source: the transparency report, in the first half of 2024">${figure.text}</a>`,
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
