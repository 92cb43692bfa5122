import { writeFileSync } from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { loadProject } from "../../../src/load/project/load-project.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";
import {
  editFile,
  editReleasedData,
  lineStarting,
  RELEASED_DATA_CORRECTIONS,
  sampleDataCopy,
  sampleLoadOptions,
  writeRelease,
} from "../../helpers/release-fixture.ts";

const CORRECTIONS_HEADER = "date,record,field,old_value,new_value,reason\n";

/** The lines `validate` prints for a project's problems. */
async function problemLines(root: string): Promise<string[]> {
  const project = await loadProject(root, sampleLoadOptions());
  return project.problems.map(formatProblem);
}

describe("data compared with the latest release", () => {
  let root: string;
  beforeEach(async () => {
    root = sampleDataCopy("release-changes");
    await writeRelease(root, "2025.2", "2026-01-15");
  });

  it("accepts the data of the release itself, and formatting-only edits", async () => {
    editFile(
      root,
      "data/requests.csv",
      "req-2017-001,2017-H1,BE,Federal Computer Crime Unit,",
      'req-2017-001,2017-H1,BE,"Federal Computer Crime Unit",',
    );
    editFile(root, "data/figures.csv", "2014,,requests,country,BE,7,", "2014,,requests,country,be,7,");
    expect(await problemLines(root)).toEqual([]);
  });

  it("refuses every silent change in one run, each at its cell with the released value", async () => {
    const request = lineStarting(root, "data/requests.csv", "req-2017-002,");
    const event = lineStarting(root, "data/blocking-events.csv", "blk-ru-2019-smtp,");
    editReleasedData(root);
    const lines = await problemLines(root);
    expect(lines).toHaveLength(4);
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(
          new RegExp(
            `^data/requests\\.csv:${request}:10: column J \\(accounts\\): "1" as in release 2025\\.2 \\(req-2017-002\\).*found "2"$`,
          ),
        ),
        expect.stringMatching(
          new RegExp(
            `^data/blocking-events\\.csv:${event}:2: column B \\(title\\): "Russian internet providers block our mail servers \\(2019\\)" as in release 2025\\.2`,
          ),
        ),
        expect.stringMatching(
          /^data\/figures\.csv:3:6: column F \(value\): "7" as in release 2025\.2 \(2014\/requests\/country\/BE\).*found "6"$/,
        ),
        expect.stringMatching(
          /^data\/incidents\.csv:1:1: row: the row inc-2021-ddos of release 2025\.2, .*found "no such row"$/,
        ),
      ]),
    );
  });

  it("takes a pending request's answer as news, not a correction, but not a change to what was asked", async () => {
    const line = lineStarting(root, "data/requests.csv", "req-2025-010,");
    const row =
      "req-2025-010,2025-10-20,BE,Federal Computer Crime Unit,police,domestic,subpoena,Art. 46bis Code of Criminal Procedure,subscriber,";
    editFile(
      root,
      "data/requests.csv",
      `${row}3,3,pending,,,,yes,no,,,`,
      `${row}3,3,disclosed,subscriber,,no,yes,no,2025-11-03,,`,
    );
    expect(await problemLines(root)).toEqual([]);
    editFile(root, "data/requests.csv", `${row}3,3,disclosed,`, `${row}4,3,disclosed,`);
    expect(await problemLines(root)).toEqual([
      expect.stringMatching(
        new RegExp(
          `^data/requests\\.csv:${line}:10: column J \\(accounts\\): "3" as in release 2025\\.2 \\(req-2025-010\\)`,
        ),
      ),
    ]);
  });

  it("accepts the same changes with their rows in data/corrections.csv", async () => {
    editReleasedData(root);
    writeFileSync(path.join(root, "data/corrections.csv"), RELEASED_DATA_CORRECTIONS);
    expect(await problemLines(root)).toEqual([]);
  });

  it("refuses a correction that names an unknown record or field, or values the data does not show", async () => {
    editReleasedData(root);
    writeFileSync(
      path.join(root, "data/corrections.csv"),
      CORRECTIONS_HEADER +
        "2026-03-12,req-2017-002,accounts,3,2,Wrong old value.\n" +
        "2026-03-12,req-2017-099,outcome,no_data,rejected,No such record.\n" +
        "2026-03-12,req-2017-001,outcom,no_data,rejected,No such field.\n" +
        "2026-03-12,req-2017-001,outcome,disclosed,rejected,Nothing changed.\n",
    );
    const lines = await problemLines(root);
    expect(lines.filter((line) => line.startsWith("data/corrections.csv"))).toEqual([
      'data/corrections.csv:2:4: column D (old_value): "1", the value in release 2025.2, found "3"',
      expect.stringMatching(
        /^data\/corrections\.csv:3:2: column B \(record\): the id of a record, .*found "req-2017-099"$/,
      ),
      expect.stringMatching(
        /^data\/corrections\.csv:4:3: column C \(field\): a column of req-2017-001 in the downloads: .*did you mean "outcome"\?.*found "outcom"$/,
      ),
      expect.stringMatching(
        /^data\/corrections\.csv:5:3: column C \(field\): a change since release 2025\.2: req-2017-001 has the same outcome in the release and the data.*found "outcome"$/,
      ),
    ]);
    // The request whose correction is wrong is still refused at its cell.
    expect(lines.some((line) => line.startsWith("data/requests.csv:") && line.includes("(accounts)"))).toBe(true);
  });

  it("compares no file that has problems of its own: its rows left out would look withdrawn", async () => {
    editFile(
      root,
      "data/incidents.csv",
      "inc-2021-ddos,DDoS attack takes webmail and IMAP offline,outage,high,",
      "inc-2021-ddos,DDoS attack takes webmail and IMAP offline,outage,hihg,",
    );
    const lines = await problemLines(root);
    expect(lines).toEqual([expect.stringMatching(/^data\/incidents\.csv:5:4: column D \(severity\): /)]);
  });

  it("compares nothing without a release", async () => {
    const fresh = sampleDataCopy("release-changes-none");
    editReleasedData(fresh);
    expect(await problemLines(fresh)).toEqual([]);
  });
});
