import { existsSync, readdirSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";
import slugify from "@sindresorhus/slugify";
import { ID_MAX_LENGTH } from "../contract/fields/csv-fields.ts";
import { readSiteConfig } from "../load/project/read-site-config.ts";
import { calendarDay } from "../model/calendar-day.ts";

/** Today's date, `YYYY-MM-DD`, in `timeZone` (`calendarDay` of now). */
export function todayIn(timeZone: string, now = new Date()): string {
  return calendarDay(now, timeZone);
}

/** The text of a new post: valid frontmatter (a draft, dated today) and a short body to replace. */
export function newPostSource(title: string, date: string, author: string | undefined): string {
  const quoted = JSON.stringify(title);
  return [
    "---",
    `title: ${quoted}`,
    'description: "One sentence saying what this post is about (at most 200 characters)."',
    `date: "${date}"`,
    `authors: [${author ?? ""}]`,
    "tags: []",
    "related: []",
    "draft: true",
    "---",
    "",
    "Write the post here. Set `draft: false` when it is ready; a post dated in the future is published on that day.",
    "",
    "## A first heading",
    "",
    "Text.",
    "",
  ].join("\n");
}

/**
 * The file name (without `.mdx`) of a post titled `title`: lowercase ASCII letters, digits and hyphens,
 * every other script transliterated (`Блокировка в России` → `blokirovka-v-rossii`, `Ärger` → `aerger`),
 * cut at a word to the longest name the site accepts. Empty when the title has nothing to transliterate.
 */
export function postSlug(title: string): string {
  const full = slugify(title);
  if (full.length <= ID_MAX_LENGTH) return full;
  const cut = full.slice(0, ID_MAX_LENGTH + 1);
  return cut.slice(0, cut.lastIndexOf("-")).replace(/-+$/, "") || full.slice(0, ID_MAX_LENGTH);
}

/** Creates `content/blog/<slug>.mdx` in `root` for `title`; returns its path relative to `root`. Never overwrites. */
export async function createPost(root: string, title: string, now = new Date()): Promise<string> {
  const name = postSlug(title);
  if (name === "" || /^\d+$/.test(name))
    throw new Error(`"${title}" gives no usable file name; use a title with letters in it.`);
  const file = path.join("content/blog", `${name}.mdx`);
  if (existsSync(path.join(root, file))) throw new Error(`${file} already exists; choose another title.`);
  const { config, error } = await readSiteConfig(root);
  if (error !== undefined) throw new Error(error);
  const authors = existsSync(path.join(root, "content/authors"))
    ? readdirSync(path.join(root, "content/authors"))
        .filter((f) => /\.mdx?$/.test(f))
        .sort()
    : [];
  await mkdir(path.join(root, "content/blog"), { recursive: true });
  await writeFile(
    path.join(root, file),
    newPostSource(title.trim(), todayIn(config?.timeZone ?? "UTC", now), authors[0]?.replace(/\.mdx?$/, "")),
  );
  return file;
}

/** How to call the command, printed by `--help` and after a mistake. */
export const NEW_POST_USAGE = 'Usage: vitrine new post "Title of the post"';

/** What `--help` prints. */
export const NEW_POST_HELP: readonly string[] = [
  NEW_POST_USAGE,
  'In a site: npm run new:post -- "Title of the post"',
  "",
  "Writes content/blog/<slug>.mdx: a draft (draft: true) dated today in the site's time zone, with the",
  "first author of content/authors/. The slug is the title in lowercase Latin letters, digits and hyphens",
  "(Блокировка в России → blokirovka-v-rossii). It never overwrites a post.",
  "",
  "Options:",
  "  -h, --help  print this help",
];

/**
 * What the command line asks for: the title (the words after the options, joined), help, or a mistake
 * to explain. An option it does not know is a mistake, never part of a title (`--help` was once a post).
 */
export function newPostArguments(args: readonly string[]): { title: string } | { help: true } | { error: string } {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { help: { type: "boolean", short: "h" } } });
  } catch (error) {
    return { error: `${error instanceof Error ? error.message : String(error)}\n${NEW_POST_USAGE}` };
  }
  if (parsed.values.help) return { help: true };
  const title = parsed.positionals.join(" ").trim();
  return title ? { title } : { error: NEW_POST_USAGE };
}

/** `vitrine new post "Title"`: writes the draft and says where; returns the exit code. */
export async function runNewPost(
  args: string[],
  root: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const request = newPostArguments(args);
  if ("help" in request) {
    for (const line of NEW_POST_HELP) out(line);
    return 0;
  }
  if ("error" in request) {
    err(request.error);
    return 1;
  }
  try {
    const file = await createPost(root, request.title);
    out(`Created ${file} (a draft). Edit it, then run npm run dev to preview.`);
    return 0;
  } catch (error) {
    err(error instanceof Error ? error.message : String(error));
    return 1;
  }
}
