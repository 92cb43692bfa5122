import { describe, expect, it } from "vitest";
import { blockingEventSpec } from "../../../src/contract/schemas/blocking-event.ts";
import { requestSpec } from "../../../src/contract/schemas/request.ts";
import { parseCsv } from "../../../src/load/csv/parse-csv.ts";
import { readRecords } from "../../../src/load/csv/read-records.ts";
import { formatProblem } from "../../../src/load/validation/problem.ts";

const HEADER = "id,title,country,started,status,targets,confidence,summary";
const LANGUAGES = ["ru", "fr"];

/** A blocking-events file as a spreadsheet saves it: CRLF, quoted cells where they hold commas or line breaks. */
const file = (extra: string, rows: string[]): string => [`${HEADER}${extra}`, ...rows].join("\r\n") + "\r\n";
const read = (csv: string, languages = LANGUAGES) =>
  readRecords(parseCsv(csv, blockingEventSpec.file), blockingEventSpec, undefined, languages);

describe("translated CSV columns (<column>.<tag>)", () => {
  it("reads each free-text column's translations beside the record, which keeps its own text", () => {
    const csv = file(",title.ru,summary.ru,summary.fr", [
      'blk-1,Blocked in Russia,RU,2020-03-04,ongoing,smtp,measured,"Blocked, since 2020.",Блокировка в России,"Заблокировано,\r\nс 2020 года.",',
      "blk-2,Blocked in China,CN,2021-03-08,ongoing,vpn,measured,Blocked.,,,Bloqué.",
    ]);
    const { records, problems } = read(csv);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(records.map((r) => [r.data.title, r.translations])).toEqual([
      ["Blocked in Russia", { ru: { title: "Блокировка в России", summary: "Заблокировано,\nс 2020 года." } }],
      ["Blocked in China", { fr: { summary: "Bloqué." } }],
    ]);
  });

  it("checks a translation as its original column, at its line and column: characters, length, a blank original", () => {
    const long = "Я".repeat(201);
    const csv = file(",title.ru,reason.ru", [
      `blk-1,Blocked,RU,2020-03-04,ongoing,smtp,measured,Blocked.,"Заблокировано\u000Bпровайдерами",Причина`,
      `blk-2,Blocked,RU,2020-03-05,ongoing,smtp,measured,Blocked.,${long},`,
    ]);
    const { records, problems } = read(csv);
    const lines = problems.map(formatProblem);
    expect(lines[0]).toMatch(
      /^data\/blocking-events\.csv:2:9: column I \(title\.ru\): text without control characters: remove the U\+000B vertical tab/,
    );
    expect(lines[1]).toBe(
      'data/blocking-events.csv:2:10: column J (reason.ru): blank, because reason is blank: a translation translates its text, found "Причина"',
    );
    expect(lines[2]).toMatch(
      /^data\/blocking-events\.csv:3:9: column I \(title\.ru\): some text of at most 200 characters \(this has 201\)/,
    );
    expect(lines).toHaveLength(3);
    // A row with a bad translation is left out, as a row with any bad cell is.
    expect(records).toEqual([]);
  });

  it("refuses a language the site does not have, and translations of columns that are not free text", () => {
    const csv = file(",title.es,country.ru", [
      "blk-1,Blocked,RU,2020-03-04,ongoing,smtp,measured,Blocked.,Bloqueado,RU",
    ]);
    expect(read(csv).problems.map(formatProblem)).toEqual([
      'data/blocking-events.csv:1:9: column I (title.es): title.<language> with a language of the site\'s translations in src/site.config.ts (ru, fr), found "title.es"',
      'data/blocking-events.csv:1:10: column J (country.ru): a column that may be translated: only the free-text columns (title, ordered_by, reason, summary) have <column>.<language> columns, found "country.ru"',
    ]);
    // A site in one language has no translated column.
    expect(
      read(file(",title.ru", ["blk-1,Blocked,RU,2020-03-04,ongoing,smtp,measured,Blocked.,Б"]), []).problems.map(
        formatProblem,
      ),
    ).toEqual([
      'data/blocking-events.csv:1:9: column I (title.ru): title.<language> with a language of the site\'s translations in src/site.config.ts (none yet), found "title.ru"',
    ]);
  });

  it("translates the requests' notes and authority too", () => {
    const csv =
      "id,received,country,outcome,rejection_reason,data_requested,authority,authority.ru,notes,notes.ru\r\n" +
      "r-1,2024-03,BE,rejected,overbroad,subscriber,Parquet de Gand,Прокуратура Гента,Refused.,Отказано.\r\n";
    const { records, problems } = readRecords(parseCsv(csv, requestSpec.file), requestSpec, undefined, ["ru"]);
    expect(problems.map(formatProblem)).toEqual([]);
    expect(records[0]?.translations).toEqual({ ru: { authority: "Прокуратура Гента", notes: "Отказано." } });
  });
});
