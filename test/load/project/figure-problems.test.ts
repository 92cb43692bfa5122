import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import { FIXED_NOW, repoRoot } from "../../helpers/fixture-site.ts";

const LEDGER = "id,received,country,service,authority,data_requested,accounts,count,outcome,data_disclosed";

/** Loads a project of these two files for a Belgian organisation with services email and vpn. */
async function problemsOf(
  figures: string,
  ledger = "",
  publishes = { requests: true, blockingEvents: false, incidents: false },
) {
  const dir = path.join(repoRoot, "test/.tmp/figure-problems");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, "data"), { recursive: true });
  writeFileSync(path.join(dir, "data/figures.csv"), `period,service,measure,dimension,category,value\n${figures}\n`);
  writeFileSync(path.join(dir, "data/requests.csv"), `${LEDGER}\n${ledger}`);
  const project = await loadProject(dir, {
    now: FIXED_NOW,
    canary: undefined,
    allowCode: false,
    publishes,
    services: ["email", "vpn"],
    jurisdiction: "BE",
  });
  return project.problems.map(formatProblem);
}

describe("published figures checked across rows", () => {
  it("refuses 'foreign' beside foreign countries named by code, which it already counts", async () => {
    const problems = await problemsOf(
      [
        "2023,,requests,total,,10",
        "2023,,requests,country,BE,5",
        "2023,,requests,country,foreign,4",
        "2023,,requests,country,DE,1",
      ].join("\n"),
    );
    expect(problems).toEqual([
      'data/figures.csv:4:5: column E (category): either "foreign" (every foreign country together) or foreign countries by code, not both: line 5 names DE, which "foreign" already counts; write the foreign countries not named as "unnamed", found "foreign"',
    ]);
  });

  it("names the site's services where a figure or a ledger row names another", async () => {
    const problems = await problemsOf(
      "2023,mail,requests,total,,10",
      "r1,2023-01-02,BE,vnp,Police,subscriber,1,1,no_data,",
    );
    expect(problems).toEqual([
      'data/figures.csv:2:2: column B (service): blank (the whole organisation) or the id of one of the services in src/site.config.ts: email, vpn (did you mean "email"?), found "mail"',
      'data/requests.csv:2:4: column D (service): blank (the whole organisation) or the id of one of the services in src/site.config.ts: email, vpn (did you mean "vpn"?), found "vnp"',
    ]);
  });

  it("compares a service's figures with its ledger rows, rows without a service counting as may-be", async () => {
    const ledger = [
      "r1,2023-01-02,BE,email,Police,subscriber,1,1,no_data,",
      "r2,2023-02-03,BE,email,Police,subscriber,2,1,no_data,",
      "r3,2023-03-04,BE,,Police,subscriber,,1,no_data,",
      "r4,2023-03-04,BE,vpn,Police,subscriber,,5,no_data,",
    ].join("\n");
    expect(await problemsOf("2023-H1,email,requests,total,,3", ledger)).toEqual([]);
    expect(await problemsOf("2023-H1,email,requests,total,,2", ledger)).toEqual([]);
    expect(await problemsOf("2023-H1,email,requests,total,,4", ledger)).toEqual([
      'data/figures.csv:2:6: column F (value): the number the ledger gives for 2023-H1, service email, requests (total): data/requests.csv gives 2 to 3 (some of its rows are dated more coarsely than the period, or name no service) on lines 2, 3 and 4, found "4"',
    ]);
    // Accounts not recorded in a row make the ledger's sum a lower bound, never a zero.
    expect(await problemsOf("2023-H1,,accounts,total,,2", ledger)).toEqual([
      'data/figures.csv:2:6: column F (value): the number the ledger gives for 2023-H1, accounts (total): data/requests.csv gives at least 3 (some of its rows do not give accounts) on lines 2, 3, 4 and 5, found "2"',
    ]);
    expect(await problemsOf("2023-H1,,accounts,total,,40", ledger)).toEqual([]);
  });

  it("refuses figures of requests in a site that does not publish requests", async () => {
    const problems = await problemsOf("2023,,requests,total,,10", "", {
      requests: false,
      blockingEvents: true,
      incidents: false,
    });
    expect(problems.filter((p) => p.startsWith("data/figures.csv"))).toEqual([
      'data/figures.csv:1:1: file: no such file: src/site.config.ts says publishes.requests: false, so the site would not publish it; remove the file, or set publishes.requests to true, found "data/figures.csv"',
    ]);
  });
});
