import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { estimateTextWidth, fitText } from "../../../src/output/charts/axis-ticks.ts";
import {
  blockingTimelineGeometry,
  blockingTimelineSummary,
  endOfDay,
  TIMELINE_FILLS,
  timelineState,
  timeTickTexts,
  type BlockingTimelineGeometry,
} from "../../../src/output/charts/blocking-timeline.ts";
import { MIN_LABEL_GAP, type TextLabel } from "../../../src/output/charts/chart-layout.ts";
import { chartColour, INK } from "../../../src/output/charts/palette.ts";
import {
  CATEGORY_FILLS,
  incidentsByYear,
  incidentsOverTimeGeometry,
  SEVERITY_FILLS,
} from "../../../src/output/charts/incidents-over-time.ts";
import { parsePartialDate, type PartialDate } from "../../../src/contract/fields/partial-date.ts";
import type { BlockingEvent } from "../../../src/contract/schemas/blocking-event.ts";
import type { Incident } from "../../../src/contract/schemas/incident.ts";
import { INCIDENT_CATEGORIES, SEVERITIES } from "../../../src/contract/schemas/vocabulary.ts";
import { englishTranslator } from "../../../src/i18n/english.ts";
import { createComponentRenderer, type ComponentRenderer } from "../../helpers/astro-container.ts";

const LOCALE = "en-GB";
/** The charts' words in British English, as the sample's main language has them. */
const ENGLISH = englishTranslator(LOCALE);
const NOW = new Date("2026-11-28T12:00:00Z");

/** Parses a published date (or date-time); fails the test on a typo. */
function d(text: string): PartialDate {
  const date = parsePartialDate(text, true);
  if ("error" in date) throw new Error(`${text}: ${date.error}`);
  return date;
}

/** A blocking event as the collection holds it, with only the fields the chart reads varying. */
function blocking(
  id: string,
  fields: {
    title?: string;
    country?: string;
    started: string;
    status: BlockingEvent["status"];
    ended?: string;
    lastVerified?: string;
  },
): { id: string; data: BlockingEvent } {
  return {
    id,
    data: {
      id,
      title: fields.title ?? `Event ${id}`,
      country: fields.country ?? "RU",
      started: d(fields.started),
      ...(fields.ended ? { ended: d(fields.ended) } : {}),
      status: fields.status,
      targets: ["smtp"],
      hosts: [],
      networks: [],
      method: [],
      confidence: "reported",
      evidence: [],
      ...(fields.lastVerified ? { last_verified: d(fields.lastVerified) } : {}),
      related: [],
      summary: "Test event.",
    },
  };
}

/** An incident as the collection holds it. */
function incident(
  id: string,
  started: string,
  category: Incident["category"],
  severity: Incident["severity"],
): { id: string; data: Incident } {
  return {
    id,
    data: {
      id,
      title: `Incident ${id}`,
      category,
      severity,
      started: d(started),
      related: [],
      summary: "Test incident.",
    },
  };
}

// One of each kind of bar, listed out of order.
const mixed = [
  blocking("unknown-verified", {
    title: "Website reported unreachable in Turkmenistan",
    country: "TM",
    started: "2023-05",
    status: "unknown",
    lastVerified: "2023-06-12",
  }),
  blocking("ongoing", {
    title: "Russia blocks Velin Mail after we refused to register with Roskomnadzor",
    started: "2020-03-04",
    status: "ongoing",
  }),
  blocking("lifted", {
    title: "Russian internet providers block our mail servers (2019)",
    started: "2019-02-05",
    status: "lifted",
    ended: "2019-06-18",
  }),
  blocking("partial-now", {
    title: "Webmail blocked on Iranian mobile networks",
    country: "IR",
    started: "2022-09-21",
    status: "partial",
  }),
  blocking("partial-ended", { country: "IR", started: "2021-H1", status: "partial", ended: "2021-09" }),
  blocking("unknown-bare", { country: "TM", started: "2024-02-10", status: "unknown" }),
  blocking("unknown-ended", { country: "CN", started: "2021-03-08", status: "unknown", ended: "2021-08-01" }),
];

const COUNTRIES = ["RU", "CN", "IR", "TM", "BY", "TR", "EG", "VN", "PK", "SA"];
const STATUSES: BlockingEvent["status"][] = ["ongoing", "lifted", "partial", "unknown"];
/** 200 events over twenty years, every status, titles from short to very long. */
const many = Array.from({ length: 200 }, (_, i) => {
  const status = STATUSES[i % 4] ?? "unknown";
  const year = 2006 + (i % 20);
  const month = String((i % 12) + 1).padStart(2, "0");
  const started =
    i % 7 === 0
      ? `${year}-${month}`
      : i % 11 === 0
        ? String(year)
        : `${year}-${month}-${String((i % 28) + 1).padStart(2, "0")}`;
  return blocking(`m-${i}`, {
    title: `${"Mail servers blocked by the national regulator ".repeat(1 + (i % 3))}#${i}`.slice(
      0,
      12 + ((i * 37) % 160),
    ),
    country: COUNTRIES[i % COUNTRIES.length] ?? "RU",
    started,
    status,
    ...(status === "lifted" || (status === "partial" && i % 8 === 2)
      ? { ended: `${Math.min(2026, year + 1)}-01-15` }
      : {}),
    ...(status === "unknown" && i % 8 === 3 ? { lastVerified: `${Math.min(2026, year + 2)}-06` } : {}),
  });
});

const oneDay = [
  blocking("same-1", { started: "2026-11-28", status: "ongoing" }),
  blocking("same-2", { started: "2026-11-28", status: "lifted", ended: "2026-11-28" }),
  blocking("same-3", { started: "2026-11-28", status: "unknown" }),
  blocking("same-4", { started: "2026-11-28", status: "partial" }),
];

const incidents = [
  incident("i-1", "2019-01-28T07:45:00+03:00", "abuse", "critical"),
  incident("i-2", "2019-01-29T14:20:00+01:00", "account_action", "medium"),
  incident("i-3", "2020-07-15", "legal", "low"),
  incident("i-4", "2021-11-08T06:40:00+01:00", "outage", "high"),
  incident("i-5", "2022-06-14T02:10:00Z", "security", "medium"),
  incident("i-6", "2023-04-03T16:22:00+02:00", "security", "high"),
  incident("i-7", "2025-09-22T08:00:00+02:00", "abuse", "medium"),
  incident("i-8", "2025-H2", "other", "low"),
];

const numbersIn = (text: string): number[] => (text.match(/-?(?:\d+\.?\d*|\.\d+)(?:e-?\d+)?/gi) ?? []).map(Number);

/** Walks a geometry object: every number is finite, no string says NaN/Infinity/undefined, no rectangle has a negative size. */
function expectClean(value: unknown, where = "geometry"): void {
  if (typeof value === "number") {
    expect(Number.isFinite(value), `${where} = ${value}`).toBe(true);
  } else if (typeof value === "string") {
    expect(value, where).not.toMatch(/NaN|Infinity|undefined/);
    if (/^[Mm]/.test(value))
      for (const n of numbersIn(value)) expect(Number.isFinite(n), `${where} has ${n}`).toBe(true);
  } else if (value instanceof Date) {
    expect(Number.isFinite(value.getTime()), where).toBe(true);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => expectClean(item, `${where}[${i}]`));
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      if ((key === "width" || key === "height") && typeof item === "number")
        expect(item, `${where}.${key}`).toBeGreaterThanOrEqual(0);
      expectClean(item, `${where}.${key}`);
    }
  }
}

/** The horizontal extent of a label, from its estimated width and anchor. */
function extent(label: TextLabel, fontSize: number): [number, number] {
  const w = estimateTextWidth(label.text, fontSize);
  return label.anchor === "middle"
    ? [label.x - w / 2, label.x + w / 2]
    : label.anchor === "end"
      ? [label.x - w, label.x]
      : [label.x, label.x + w];
}

/** Asserts that labels on one line keep at least `gap` between their estimated extents and stay inside the viewBox. */
function expectNoCollisions(labels: readonly TextLabel[], fontSize: number, width: number, gap = MIN_LABEL_GAP): void {
  const spans = labels.map((l) => [...extent(l, fontSize), l.text] as const).sort((a, b) => a[0] - b[0]);
  spans.forEach(([from, to, text], i) => {
    expect(from, text).toBeGreaterThanOrEqual(0);
    expect(to, text).toBeLessThanOrEqual(width);
    const next = spans[i + 1];
    if (next) expect(next[0] - to, `${text} → ${next[2]}`).toBeGreaterThanOrEqual(gap);
  });
}

/** The x of an instant computed independently of the chart's own scale: linear between the domain's ends. */
function linearX(g: BlockingTimelineGeometry, date: Date): number {
  const [from, to] = g.domain.map((t) => t.getTime()) as [number, number];
  return g.plot.left + ((date.getTime() - from) / (to - from)) * (g.plot.right - g.plot.left);
}

describe("blocking timeline: where bars start and end", () => {
  const g = blockingTimelineGeometry(mixed, NOW, "tl", ENGLISH);
  const bar = (id: string) => {
    const found = g.bars.find((b) => b.id === id);
    if (!found) throw new Error(`no bar ${id}`);
    return found;
  };
  const rectEnd = (id: string): number => bar(id).rect.x + bar(id).rect.width;

  it("sorts rows by start date, oldest at the top", () => {
    expect(g.bars.map((b) => b.id)).toEqual([
      "lifted",
      "ongoing",
      "partial-ended",
      "unknown-ended",
      "partial-now",
      "unknown-verified",
      "unknown-bare",
    ]);
    const tops = g.bars.map((b) => b.rect.y);
    expect(tops).toEqual([...tops].sort((a, b) => a - b));
  });

  it("starts every bar at midnight UTC of started.start", () => {
    for (const b of g.bars) {
      const event = mixed.find((e) => e.id === b.id);
      expect(b.start, b.id).toBe(g.xOf(new Date(`${event?.data.started.start}T00:00:00Z`)));
      expect(b.rect.x, b.id).toBe(b.start);
    }
    expect(bar("partial-ended").start).toBeCloseTo(linearX(g, new Date("2021-01-01T00:00:00Z")), 0);
  });

  it("ends bars in force exactly at now, open-ended with an 'ongoing' label", () => {
    for (const id of ["ongoing", "partial-now"]) {
      expect(bar(id)).toMatchObject({ openEnded: true, end: g.xOf(NOW), endLabel: { text: "ongoing" } });
      expect(rectEnd(id)).toBeCloseTo(g.now.x, 6);
      expect(bar(id).end).toBeCloseTo(linearX(g, NOW), 0);
      expect(bar(id).arrow).toMatch(new RegExp(`^M${g.now.x},`));
    }
  });

  it("ends lifted bars, and partial or unknown ones with an end date, at the end of ended.end, closed", () => {
    expect(endOfDay("2019-06-18")).toEqual(new Date("2019-06-19T00:00:00Z"));
    const cases: [string, string][] = [
      ["lifted", "2019-06-19T00:00:00Z"],
      ["partial-ended", "2021-10-01T00:00:00Z"], // "2021-09" ends with 30 September
      ["unknown-ended", "2021-08-02T00:00:00Z"],
    ];
    for (const [id, end] of cases) {
      expect(bar(id), id).toMatchObject({
        state: "ended",
        openEnded: false,
        arrow: undefined,
        endLabel: undefined,
        end: g.xOf(new Date(end)),
      });
      expect(rectEnd(id), id).toBeCloseTo(bar(id).end, 6);
      expect(bar(id).end, id).toBeLessThan(g.now.x);
    }
  });

  it("widens a bar too short to see to 4 units: from its start, or back from now when in force", () => {
    const short = blockingTimelineGeometry(
      [
        ...mixed,
        blocking("one-day", { started: "2024-05-05", status: "lifted", ended: "2024-05-05" }),
        blocking("since-today", { started: "2026-11-28", status: "ongoing" }),
      ],
      NOW,
      "short",
      ENGLISH,
    );
    const oneDay = short.bars.find((b) => b.id === "one-day");
    const today = short.bars.find((b) => b.id === "since-today");
    expect(oneDay?.end).toBe(short.xOf(new Date("2024-05-06T00:00:00Z")));
    expect(oneDay?.rect).toMatchObject({ x: oneDay?.start, width: 4 });
    expect(today?.end).toBe(short.now.x);
    expect((today?.rect.x ?? 0) + (today?.rect.width ?? 0)).toBeCloseTo(short.now.x, 6);
    expect(today?.rect.width).toBe(4);
  });

  it("draws unknown status without an end differently from ongoing, never to now", () => {
    const ongoing = bar("ongoing");
    for (const id of ["unknown-verified", "unknown-bare"]) {
      const b = bar(id);
      expect(b.state, id).toBe("unknown");
      expect(b.openEnded, id).toBe(false);
      expect(b.arrow, id).toBeUndefined();
      expect(b.dash, id).toBeDefined();
      expect(b.fill, id).not.toBe(ongoing.fill);
      expect(b.end, id).not.toBe(g.now.x);
      expect(rectEnd(id), id).toBeLessThan(g.now.x);
      expect(b.endLabel?.text, id).toBe("status unknown");
      expect(b.tooltip, id).not.toMatch(/ongoing/i);
    }
    // Runs to the end of last_verified when there is one; else a short marker across the start.
    expect(bar("unknown-verified").end).toBe(g.xOf(new Date("2023-06-13T00:00:00Z")));
    expect(bar("unknown-bare").rect.width).toBe(8);
    expect(timelineState({ status: "unknown" })).toBe("unknown");
    expect(timelineState({ status: "partial" })).toBe("partial");
    expect(timelineState({ status: "partial", ended: d("2021-01") })).toBe("ended");
  });

  it("gives partial blocks in force a texture of their own", () => {
    expect(bar("partial-now").fill).toBe("url(#tl-pattern-partial)");
    expect(bar("ongoing").fill).toBe(chartColour(TIMELINE_FILLS.ongoing.colour));
    expect(g.patterns.map((p) => p.id)).toEqual(["tl-pattern-partial", "tl-pattern-unknown"]);
  });

  it("lightens the uncertain part of a coarse start, up to the end of its last possible day", () => {
    expect(bar("partial-ended").uncertain).toMatchObject({
      x: bar("partial-ended").start,
      width: expect.closeTo(g.xOf(new Date("2021-07-01T00:00:00Z")) - bar("partial-ended").start, 6) as number,
    });
    expect(bar("unknown-verified").uncertain?.width).toBeCloseTo(
      g.xOf(new Date("2023-06-01T00:00:00Z")) - bar("unknown-verified").start,
      6,
    );
    expect(bar("ongoing").uncertain).toBeUndefined();
    expect(g.legend.map((item) => item.label)).toEqual([
      "Ongoing",
      "Partly blocked, ongoing",
      "Ended",
      "Status unknown",
      "Start date known only roughly",
    ]);
  });

  it("draws a labelled now line at now", () => {
    expect(g.now.x).toBe(g.xOf(NOW));
    expect(g.now.label.text).toBe("As of 28 Nov 2026");
    expectNoCollisions([g.now.label], g.fontSize, g.width, 0);
    // No top tick label is crossed by the now line.
    for (const l of g.topLabels) {
      const [from, to] = extent(l, g.fontSize);
      expect(g.now.x < from || g.now.x > to, l.text).toBe(true);
    }
  });

  it("tabulates event, country, status, start, end and duration", () => {
    expect(g.table.columns).toEqual(["Event", "Country", "Status", "Start", "End", "Duration"]);
    const row = (id: string) => g.table.rows[g.bars.findIndex((b) => b.id === id)];
    expect(row("lifted")).toEqual({
      header: "Russian internet providers block our mail servers (2019)",
      href: undefined,
      cells: ["Russia", "Lifted", "5 February 2019", "18 June 2019", "133 days"],
    });
    expect(row("ongoing")?.cells).toEqual(["Russia", "Ongoing", "4 March 2020", "ongoing", "2,460 days and counting"]);
    expect(row("partial-now")?.cells.slice(1, 4)).toEqual(["Partly blocked", "21 September 2022", "ongoing"]);
    expect(row("unknown-verified")?.cells).toEqual([
      "Turkmenistan",
      "Status unknown",
      "May 2023",
      "unknown",
      "unknown",
    ]);
    expect(row("partial-ended")?.cells.slice(3)).toEqual(["September 2021", "63 to 272 days"]);
  });

  it("summarises the count, countries and where the events stand", () => {
    expect(g.summary).toBe(
      "We have recorded 7 blocking events in 4 countries since 2019. As of 28 November 2026, 2 are in force, 3 have ended and 2 have an unknown status.",
    );
    expect(blockingTimelineGeometry([mixed[1]!], NOW, "one", ENGLISH).summary).toBe(
      "We have recorded 1 blocking event in Russia since 2020. As of 28 November 2026, it is in force.",
    );
    expect(blockingTimelineGeometry([], NOW, "none", ENGLISH).summary).toBe(
      "No blocking of our service has been recorded.",
    );
  });

  it("links rows and table rows when given hrefOf", () => {
    const linked = blockingTimelineGeometry(mixed, NOW, "tl", ENGLISH, (id) => `/blocking/${id}/`);
    expect(linked.bars.map((b) => b.href)).toEqual(linked.bars.map((b) => `/blocking/${b.id}/`));
    expect(linked.table.rows[0]?.href).toBe("/blocking/lifted/");
  });
});

describe("blocking timeline: 1 event, 200 events, all on one day", () => {
  const cases: [string, { id: string; data: BlockingEvent }[], Date][] = [
    ["no event", [], NOW],
    ["1 event", [mixed[1]!], NOW],
    ["1 event started today", [blocking("today", { started: "2026-11-28", status: "ongoing" })], NOW],
    ["200 events", many, NOW],
    ["all on one day, built that day", oneDay, NOW],
    ["all on one day, built years later", oneDay, new Date("2031-02-03T00:00:00Z")],
    [
      "a two-month span",
      [
        blocking("a", { started: "2026-10-01", status: "lifted", ended: "2026-10-20" }),
        blocking("b", { started: "2026-11-01", status: "ongoing" }),
      ],
      NOW,
    ],
  ];

  it.each(cases)("%s: no NaN, Infinity or negative size; ticks and row labels never collide", (_, events, now) => {
    const g = blockingTimelineGeometry(events, now, "c", ENGLISH);
    expectClean({ ...g, xOf: undefined });
    expect(g.bars).toHaveLength(events.length);
    expectNoCollisions(g.topLabels, g.fontSize, g.width);
    expectNoCollisions(g.bottomLabels, g.fontSize, g.width);
    if (events.length > 0) expect(g.topLabels.length).toBeGreaterThanOrEqual(1);
    for (const b of g.bars) {
      expect(b.rect.height, b.id).toBeGreaterThanOrEqual(10);
      expect(b.rect.width, b.id).toBeGreaterThan(0);
      expect(b.rect.x, b.id).toBeGreaterThanOrEqual(g.plot.left);
      expect(b.rect.x + b.rect.width, b.id).toBeLessThanOrEqual(g.width);
      if (b.openEnded) expect(b.end, b.id).toBe(g.xOf(now));
      if (b.state === "unknown") expect(b.end, b.id).not.toBe(g.xOf(now));
      // Row labels: the shortened title stays left of the plot; the end label stays inside the chart.
      const [, titleEnd] = extent(b.titleLabel, g.fontSize);
      expect(titleEnd, b.id).toBeLessThanOrEqual(g.plot.left);
      if (b.endLabel) expectNoCollisions([b.endLabel], g.fontSize, g.width, 0);
    }
    expect(g.height).toBeGreaterThanOrEqual(g.plot.bottom);
  });

  it("gives 200 rows their own line each, at least a font size apart, and a time axis below too", () => {
    const g = blockingTimelineGeometry(many, NOW, "c", ENGLISH);
    const ys = g.bars.map((b) => b.titleLabel.y);
    for (let i = 1; i < ys.length; i++) expect((ys[i] ?? 0) - (ys[i - 1] ?? 0)).toBeGreaterThanOrEqual(g.fontSize);
    expect(g.bottomLabels.length).toBeGreaterThan(2);
    expect(g.topLabels.length).toBeGreaterThan(2);
    expect(g.topLabels.length).toBeLessThan(21);
    const truncated = g.bars.filter((b) => b.titleLabel.text.endsWith("…"));
    expect(truncated.length).toBeGreaterThan(0);
    for (const b of truncated)
      expect(b.tooltip.startsWith(`${b.titleLabel.text.slice(0, -1).trimEnd()}`), b.id).toBe(true);
    const starts = g.bars.map((b) => b.start);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("labels ticks by year, month or day depending on their spacing", () => {
    expect(
      timeTickTexts(
        ["2020", "2022", "2024"].map((y) => new Date(`${y}-01-01T00:00:00Z`)),
        LOCALE,
      ),
    ).toEqual(["2020", "2022", "2024"]);
    expect(
      timeTickTexts(
        ["2025-10", "2026-01", "2026-04"].map((m) => new Date(`${m}-01T00:00:00Z`)),
        LOCALE,
      ),
    ).toEqual(["Oct 2025", "2026", "Apr"]);
    expect(
      timeTickTexts(
        ["2026-11-01", "2026-11-08"].map((day) => new Date(`${day}T00:00:00Z`)),
        LOCALE,
      ),
    ).toEqual(["1 Nov 2026", "8 Nov"]);
  });

  it("shortens titles with an ellipsis to fit a width", () => {
    expect(fitText("Short", 100, 15)).toBe("Short");
    const long = fitText("Russia blocks Velin Mail after we refused to register with Roskomnadzor", 230, 15);
    expect(long).toMatch(/^Russia blocks .*…$/);
    expect(estimateTextWidth(long, 15)).toBeLessThanOrEqual(230);
    expect(fitText("WWWWWWWWWWWWWWWWWWWW", 60, 15)).toMatch(/^W+…$/);
  });

  it("can shorten at a whole word, so a link showing the words can be named by the full title (WCAG 2.5.3)", () => {
    const title = "Russia blocks Velin Mail after we refused to register with Roskomnadzor";
    const cut = fitText(title, 230, 15, { wholeWords: true });
    expect(cut).toMatch(/^Russia blocks .*[a-z]…$/);
    expect(title.startsWith(`${cut.slice(0, -1)} `)).toBe(true);
    expect(cut.length).toBeLessThanOrEqual(fitText(title, 230, 15).length);
    expect(fitText("Short", 100, 15, { wholeWords: true })).toBe("Short");
    // No whole word fits: cut inside the first one.
    expect(fitText("WWWWWWWWWWWWWWWWWWWW and more", 60, 15, { wholeWords: true })).toMatch(/^W+…$/);
  });
});

describe("incidents per year", () => {
  const years = incidentsByYear(incidents);

  it("counts every year from the first to the last, empty years as zeros", () => {
    expect(years.map((y) => [y.year, y.total])).toEqual([
      [2019, 2],
      [2020, 1],
      [2021, 1],
      [2022, 1],
      [2023, 1],
      [2024, 0],
      [2025, 2],
    ]);
    const empty = years.find((y) => y.year === 2024);
    expect(Object.values(empty?.category ?? {})).toEqual(INCIDENT_CATEGORIES.map(() => 0));
    expect(Object.values(empty?.severity ?? {})).toEqual(SEVERITIES.map(() => 0));
    expect(incidentsByYear([])).toEqual([]);
  });

  it("adds up per year and category, and per year and severity, to the number of incidents", () => {
    const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);
    for (const y of years) {
      expect(sum(y.category), String(y.year)).toBe(y.total);
      expect(sum(y.severity), String(y.year)).toBe(y.total);
    }
    expect(years.reduce((n, y) => n + sum(y.category), 0)).toBe(incidents.length);
    expect(years.reduce((n, y) => n + sum(y.severity), 0)).toBe(incidents.length);
    expect(years[0]?.category).toMatchObject({ abuse: 1, account_action: 1, security: 0 });
    expect(years.at(-1)?.severity).toMatchObject({ medium: 1, low: 1 });
  });

  it("counts a date-time by the day it started where it happened", () => {
    expect(incidentsByYear([incident("ny", "2020-01-01T00:30:00+01:00", "outage", "low")]).map((y) => y.year)).toEqual([
      2020,
    ]);
  });

  it("draws both panels on one count scale, the segments of a year stacking to its total", () => {
    const g = incidentsOverTimeGeometry(incidents, "inc", ENGLISH);
    const [byCategory, bySeverity] = g.panels;
    expect(byCategory.by).toBe("category");
    expect(bySeverity.plot.top).toBeGreaterThan(byCategory.plot.bottom);
    for (const panel of g.panels) {
      const perUnit = (panel.plot.bottom - panel.plot.top) / 2;
      for (const y of years) {
        const segments = panel.segments.filter((s) => s.year === y.year);
        expect(segments.reduce((n, s) => n + s.value, 0)).toBe(y.total);
        segments.forEach((s, i) => expect(s.y + s.height).toBeCloseTo(segments[i - 1]?.y ?? panel.plot.bottom, 6));
        const top = segments.at(-1);
        if (top) expect(panel.plot.bottom - top.y).toBeCloseTo(y.total * perUnit, 0);
      }
      expect(panel.totals.map((t) => t.text)).toEqual(["2", "1", "1", "1", "1", "0", "2"]);
      expectNoCollisions(panel.xLabels, g.fontSize, g.width);
    }
    // The same year's bars line up across the panels.
    expect(bySeverity.xLabels.map((l) => l.x)).toEqual(byCategory.xLabels.map((l) => l.x));
    expect(byCategory.legend.map((i) => i.label)).toEqual([
      "Abuse",
      "Security",
      "Outage",
      "Legal",
      "Account action",
      "Other",
    ]);
    expect(bySeverity.legend.map((i) => i.label)).toEqual(["Low", "Medium", "High", "Critical"]);
    const ids = g.patterns.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of [...byCategory.legend, ...bySeverity.legend])
      if (item.fill.startsWith("url")) expect(ids).toContain(/#(.+)\)/.exec(item.fill)?.[1]);
  });

  it("tabulates year × category and year × severity with a totals row and column", () => {
    const g = incidentsOverTimeGeometry(incidents, "inc", ENGLISH);
    expect(g.table.columns).toEqual([
      "Year",
      "Abuse",
      "Security",
      "Outage",
      "Legal",
      "Account action",
      "Other",
      "Low severity",
      "Medium severity",
      "High severity",
      "Critical severity",
      "Total",
    ]);
    expect(g.table.rows.map((r) => r.header)).toEqual([
      "2019",
      "2020",
      "2021",
      "2022",
      "2023",
      "2024",
      "2025",
      "All years",
    ]);
    expect(g.table.rows[0]?.cells).toEqual(["1", "0", "0", "0", "1", "0", "0", "1", "0", "1", "2"]);
    expect(g.table.rows[5]?.cells).toEqual(Array(11).fill("0"));
    expect(g.table.rows.at(-1)?.cells).toEqual(["2", "2", "1", "1", "1", "1", "2", "3", "2", "1", "8"]);
  });

  it("summarises span, busiest year, severity and the commonest category", () => {
    expect(incidentsOverTimeGeometry(incidents, "inc", ENGLISH).summary).toBe(
      "From 2019 to 2025 we recorded 8 incidents; the most in 2019 and 2025 (2 each). 3 of them were of high or critical severity; the most common categories were abuse and security (2 each).",
    );
    expect(incidentsOverTimeGeometry([incidents[3]!], "inc", ENGLISH).summary).toBe(
      "In 2021 we recorded 1 incident. It was a high-severity incident in the category “Outage”.",
    );
    expect(incidentsOverTimeGeometry([], "inc", ENGLISH).summary).toBe("No incidents have been recorded.");
    expect(
      incidentsOverTimeGeometry(
        [incidents[2]!, incidents[4]!, incidents[7]!, incident("i-9", "2020-02", "legal", "medium")],
        "inc",
        ENGLISH,
      ).summary,
    ).toBe(
      "From 2020 to 2025 we recorded 4 incidents; the most in 2020 (2). None was of high or critical severity; the most common category was legal (2).",
    );
  });

  it.each([
    ["none", []],
    ["one", [incidents[0]!]],
    ["eight", incidents],
    [
      "forty years, 300 incidents",
      Array.from({ length: 300 }, (_, i) =>
        incident(
          `x-${i}`,
          `${1986 + ((i * 7) % 40)}-03`,
          INCIDENT_CATEGORIES[i % 6] ?? "other",
          SEVERITIES[i % 4] ?? "low",
        ),
      ),
    ],
  ])("%s: no NaN, Infinity or negative size; year labels never collide", (_, list) => {
    const g = incidentsOverTimeGeometry(list, "inc", ENGLISH);
    expectClean(g);
    for (const panel of g.panels) expectNoCollisions(panel.xLabels, g.fontSize, g.width);
    expect(g.years.reduce((n, y) => n + y.total, 0)).toBe(list.length);
  });
});

describe("timeline charts over more records than a function call takes arguments", () => {
  // Math.min(...list) threw "Maximum call stack size exceeded" from about 125,000 items.
  const N = 200_000;

  it("counts 200,000 incidents per year", () => {
    const list = Array.from({ length: N }, (_, i) => incident(`i-${i}`, `${2000 + (i % 20)}-05-01`, "outage", "low"));
    const years = incidentsByYear(list);
    expect(years.map((y) => y.year)).toEqual(Array.from({ length: 20 }, (_, k) => 2000 + k));
    expect(years.reduce((n, y) => n + y.total, 0)).toBe(N);
  });

  it("summarises 200,000 blocking events", () => {
    const list = Array.from({ length: N }, (_, i) =>
      blocking(`b-${i}`, { started: `${2010 + (i % 10)}-03-04`, status: "lifted", ended: "2021-01-01" }),
    );
    expect(blockingTimelineSummary(list, NOW, ENGLISH)).toContain("since 2010");
  });
});

describe("timeline fills readable without colour", () => {
  it.each([
    ["blocking states", TIMELINE_FILLS],
    ["incident categories", CATEGORY_FILLS],
    ["severities", SEVERITY_FILLS],
  ])("%s: a colour and texture pair each (contrast: palette.test.ts)", (_, fills) => {
    const styles = Object.values(fills);
    expect(new Set(styles.map((s) => `${s.pattern} ${s.colour}`)).size).toBe(styles.length);
  });

  it("draws links inside the chart in the site's link colour, which follows the theme", () => {
    expect(INK.link).toBe("var(--link)");
  });

  it("gives every incident category its own texture, and every severity too", () => {
    expect(new Set(Object.values(CATEGORY_FILLS).map((s) => s.pattern)).size).toBe(INCIDENT_CATEGORIES.length);
    expect(new Set(Object.values(SEVERITY_FILLS).map((s) => s.pattern)).size).toBe(SEVERITIES.length);
  });
});

describe("timeline chart components (Astro Container API)", () => {
  let renderer: ComponentRenderer;
  const render = (component: string, props: Record<string, unknown>): Promise<string> =>
    renderer.render(`charts/${component}`, props);

  beforeAll(async () => {
    renderer = await createComponentRenderer();
  });

  afterAll(async () => {
    await renderer?.close();
  });

  /** Checks the accessible wrapper: heading, summary, labelled SVG, captioned table, unique ids, no script. */
  function expectAccessibleFigure(
    html: string,
    id: string,
    heading: string,
    role = "img",
    labelledBy = `${id}-title ${id}-summary`,
  ): void {
    expect(html).toMatch(new RegExp(`^<figure class="chart" id="${id}"`));
    expect(html).toMatch(new RegExp(`<${heading} id="${id}-title"[^>]*>[^<]+</${heading}>`));
    expect(html).toMatch(new RegExp(`<p id="${id}-summary"[^>]*>[^<]+</p>`));
    expect(html).toMatch(/<svg class="chart-wide" viewBox="0 [\d.]+ 640 /);
    expect(html).toMatch(/<svg class="chart-narrow" viewBox="0 [\d.]+ 360 /);
    expect(html).toMatch(new RegExp(`<svg [^>]*width="100%" role="${role}" aria-labelledby="${labelledBy}"`));
    expect(html).toMatch(
      /<details class="chart-data"(?![^>]*\bopen\b)[^>]*>.*<table[^>]*><caption[^>]*>[^<]+<\/caption>.*<th scope="col"/s,
    );
    expect(html).toMatch(/<th scope="row"/);
    expect(html).not.toMatch(/<script|<foreignObject|NaN|Infinity|undefined/);
    const ids = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1] ?? "");
    expect(new Set(ids).size).toBe(ids.length);
    for (const ref of [...html.matchAll(/url\(#([^)]+)\)/g)].map((m) => m[1])) expect(ids).toContain(ref);
  }

  it("renders the blocking timeline with titled rows, an ongoing label, the now line and the table", async () => {
    const html = await render("BlockingTimelineChart", {
      id: "blocking-timeline",
      events: mixed,
      now: NOW,
      headingLevel: 2,
    });
    expectAccessibleFigure(html, "blocking-timeline", "h2");
    expect(html).toContain(
      "<title>Russia blocks Velin Mail after we refused to register with Roskomnadzor (Russia). Ongoing since 4 March 2020, for 2,460 days and counting.</title>",
    );
    // Twice each, in each of the two layouts (wide and narrow).
    expect(html.match(/>ongoing<\/text>/g)).toHaveLength(2 * 2);
    expect(html.match(/>(status )?unknown<\/text>/g)).toHaveLength(2 * 2);
    expect(html).toContain(">As of 28 Nov 2026</text>");
    expect(html).toContain('stroke-dasharray="4 3"');
    expect(html).toContain('<pattern id="blocking-timeline-pattern-partial"');
    expect(html.match(/<tr/g)).toHaveLength(mixed.length + 1);
    expect(html).not.toContain("<a ");
  });

  it("links each row and its table row, as a group of links rather than an image", async () => {
    const html = await render("BlockingTimelineChart", {
      id: "bt",
      events: mixed,
      now: NOW,
      hrefOf: (id: string) => `/blocking/${id}/`,
    });
    expectAccessibleFigure(html, "bt", "h3", "group");
    // Once per layout: CSS shows one of the two.
    expect(html.match(/<a class="row" href="\/blocking\/[^"]+\/" aria-label="[^"]+"/g)).toHaveLength(2 * mixed.length);
    expect(html).toMatch(/<th scope="row"[^>]*><a href="\/blocking\/lifted\/"/);
    // No <title> inside a link: it would be visible text outside the link's name.
    expect(html).not.toMatch(/<a class="row"[^>]*>\s*<title>/);
    expect(
      html.match(new RegExp(`class="row-title" [^>]*fill="${INK.link.replace(/[()]/g, "\\$&")}"`, "g")),
    ).toHaveLength(2 * mixed.length);
    // A link's only visible text is its title's first words, so its name (the full tooltip) contains
    // its visible label; the country code and end label are drawn outside it (WCAG 2.5.3).
    for (const [, name = "", inner = ""] of html.matchAll(
      /<a class="row"[^>]* aria-label="([^"]+)"[^>]*>([\s\S]*?)<\/a>/g,
    )) {
      const shown = [...inner.replace(/<title>[\s\S]*?<\/title>/, "").matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map(
        (m) => m[1] ?? "",
      );
      expect(shown).toHaveLength(1);
      expect(name.replace(/&#39;/g, "'").startsWith((shown[0] ?? "").replace(/…$/, "").replace(/&#39;/g, "'"))).toBe(
        true,
      );
    }
  });

  it("renders 200 events in a tall chart and nothing but the summary for none", async () => {
    const html = await render("BlockingTimelineChart", { id: "many", events: many, now: NOW });
    expectAccessibleFigure(html, "many", "h3");
    const height = Number(/<svg class="chart-wide" viewBox="0 0 640 ([\d.]+)"/.exec(html)?.[1]);
    expect(height).toBeGreaterThan(200 * 20);
    const empty = await render("BlockingTimelineChart", { id: "none", events: [], now: NOW });
    expect(empty).toContain("No blocking of our service has been recorded.");
    expect(empty).not.toContain("<svg");
  });

  it("renders incidents per year as two panels with patterns, legends and the table", async () => {
    const html = await render("IncidentsOverTimeChart", { id: "incidents-per-year", incidents });
    // One SVG per panel and layout, named by the chart's title and the panel's heading, described by the summary.
    expectAccessibleFigure(
      html,
      "incidents-per-year",
      "h3",
      "img",
      "incidents-per-year-title incidents-per-year-title-category",
    );
    expect(html).toMatch(/<p class="panel-heading" id="incidents-per-year-title-category"[^>]*>\s*By category\s*<\/p>/);
    expect(html).toMatch(/<p class="panel-heading" id="incidents-per-year-title-severity"[^>]*>\s*By severity\s*<\/p>/);
    expect(
      html.match(/<svg class="chart-(wide|narrow)"[^>]* aria-describedby="incidents-per-year-summary"/g),
    ).toHaveLength(4);
    expect(html).toMatch(/<ul class="legend-list"[^>]*>.*Account action\s*<\/li>/s);
    expect(html).toContain("<title>2021, Outage: 1</title>");
    expect(html).toContain('<pattern id="incidents-per-year-pattern-severity-low"');
    expect(html.match(/<tr/g)).toHaveLength(7 + 2);
    const empty = await render("IncidentsOverTimeChart", { id: "none", incidents: [] });
    expect(empty).toContain("No incidents have been recorded.");
    expect(empty).not.toContain("<svg");
  });

  it("keeps ids unique when both charts share a page", async () => {
    const page =
      (await render("BlockingTimelineChart", { id: "a", events: mixed, now: NOW })) +
      (await render("IncidentsOverTimeChart", { id: "b", incidents }));
    const ids = [...page.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
