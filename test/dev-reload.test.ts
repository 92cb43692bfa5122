import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeFixtureSite, startDevServer, waitFor, type DevServer } from "./helpers/fixture-site.ts";

describe("astro dev picks up CSV edits without a restart", () => {
  let dir: string;
  let server: DevServer;
  let incidents: string;
  let original: string;

  beforeAll(async () => {
    dir = makeFixtureSite("dev");
    incidents = path.join(dir, "data/incidents.csv");
    original = readFileSync(incidents, "utf8");
    server = await startDevServer(dir);
  });

  afterAll(async () => {
    await server?.stop();
  });

  const incidentsPage = (): Promise<string> => fetch(`${server.url}/incidents/`, { signal: AbortSignal.timeout(15_000) }).then((r) => r.text());

  it("shows an edited title, then keeps the last good data and logs the problem after a bad edit", async () => {
    const firstTitle = original.split("\n")[1]?.split(",")[1] ?? "";
    expect(await incidentsPage()).toContain(firstTitle);

    writeFileSync(incidents, original.replace(`,${firstTitle},`, ",Renamed while the server runs,"));
    const renamed = await waitFor(incidentsPage, (html) => html.includes("Renamed while the server runs"));
    expect(renamed).toContain("Renamed while the server runs");

    const broken = original.replace(`,${firstTitle},`, ",Renamed again,").replace(/,(abuse|security|outage|legal|account_action|other),/, ",outagee,");
    writeFileSync(incidents, broken);
    await waitFor(async () => server.log(), (log) => log.includes("found \"outagee\""));
    expect(server.log()).toMatch(/data\/incidents\.csv:2:\d+: category: one of abuse, security, outage, legal, account_action, other \(did you mean "outage"\?\), found "outagee"/);
    const page = await incidentsPage();
    expect(page).toContain("Renamed while the server runs");
    expect(page).not.toContain("Renamed again");
  });
});
