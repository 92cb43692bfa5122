import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RequestSchema, type Request } from "../../src/contract/schemas/request.ts";
import { buildTransparencyReport } from "../../src/model/report/transparency-report.ts";
import { reportPeriodRows } from "../../src/model/report/period-rows.ts";
import { allTimeRequests } from "../../src/model/report/all-time.ts";
import { createComponentRenderer, type ComponentRenderer } from "../helpers/astro-container.ts";

/** A request row as an editor writes it, `accounts` blank unless given. */
const request = (id: string, received: string, accounts = "", count = "1"): Request =>
  RequestSchema.parse({
    ...Object.fromEntries(Object.keys(RequestSchema.shape).map((key) => [key, ""])),
    id,
    received,
    country: "BE",
    data_requested: "subscriber",
    outcome: "pending",
    accounts,
    count,
  });

describe("accounts on the report's components: a partial sum says so, nothing recorded is never 0", () => {
  let renderer: ComponentRenderer;
  const requests = [
    request("a", "2024-02-01", "3", "2"),
    request("b", "2024-03-01"), // no number of accounts
    request("c", "2024-08-01"), // the second half gives none at all
  ];
  const report = buildTransparencyReport(requests, "half");
  const [first, second] = report.periods;
  const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");

  beforeAll(async () => {
    renderer = await createComponentRenderer();
  });
  afterAll(async () => {
    await renderer.close();
  });

  it("headline figures: the sum with the requests it covers, or 'Not recorded'", async () => {
    const partial = text(await renderer.render("report/HeadlineFigures", { figures: first!.figures, label: "H1" }));
    expect(partial).toContain("Accounts specified 3 named in 2 of 3 requests");
    const none = text(await renderer.render("report/HeadlineFigures", { figures: second!.figures, label: "H2" }));
    expect(none).toContain("Accounts specified Not recorded");
    expect(none).not.toMatch(/Accounts specified 0/);
  });

  it("the period table: the same words in the accounts column", async () => {
    const html = text(
      await renderer.render("report/PeriodTable", {
        rows: reportPeriodRows(report.periods, [], "half"),
        ledger: report.allTime,
        allTime: allTimeRequests(requests, []),
      }),
    );
    expect(html).toContain("First half of 2024 3 3 (named in 2 of 3 requests)");
    expect(html).toContain("Second half of 2024 1 Not recorded");
  });
});
