import path from "node:path";
import { runDoctor } from "./doctor.ts";
import { runInit } from "./init.ts";
import { runMigrate } from "./migrate.ts";
import { runNewPost } from "./new-post.ts";
import { runRelease } from "./release.ts";
import { runValidate } from "./validate.ts";

/** A command of the `vitrine` command line: its arguments after the command's name, the site folder, and where to print. */
type Command = (
  args: string[],
  root: string,
  out: (line: string) => void,
  err: (line: string) => void,
) => Promise<number>;

const COMMANDS: Record<string, { summary: string; run: Command }> = {
  init: { summary: "write a new site into an empty folder: vitrine init my-report", run: runInit },
  validate: {
    summary: "check the site config, data/ and content/, listing every problem with its file, line and column",
    run: (args, root, out, err) => runValidate(path.resolve(root, args[0] ?? "."), out, err),
  },
  doctor: {
    summary: "check Node, the config, the canary, the data, the cache and what a deploy will do",
    run: runDoctor,
  },
  migrate: {
    summary: "bring data/ and the site config up to this Vitrine's data format (--dry-run prints the changes only)",
    run: (args, root, out, err) => runMigrate(args, root, out, err),
  },
  release: {
    summary: "freeze and sign what /data/ publishes now as data/releases/<version>/: vitrine release 2025.2",
    run: runRelease,
  },
  "new post": { summary: 'write a draft post: vitrine new post "Title"', run: runNewPost },
};

const USAGE = [
  "Usage: vitrine <command> [arguments]",
  "",
  ...Object.entries(COMMANDS).map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`),
];

/** Runs the command `argv` names (the arguments after `vitrine`) on the site in `root`; returns the exit code. */
export async function runCli(
  argv: string[],
  root: string,
  out: (line: string) => void,
  err: (line: string) => void,
): Promise<number> {
  const [first = "", second = ""] = argv;
  if (first === "" || first === "help" || first === "--help" || first === "-h") {
    for (const line of USAGE) out(line);
    return first === "" ? 1 : 0;
  }
  const twoWords = `${first} ${second}`;
  const name = twoWords in COMMANDS ? twoWords : first;
  const command = COMMANDS[name];
  if (!command) {
    err(`vitrine: no command "${first}". The commands are: ${Object.keys(COMMANDS).join(", ")}.`);
    return 1;
  }
  return command.run(argv.slice(name.split(" ").length), root, out, err);
}

/** Runs the command line of this process (`vitrine …`) in the current folder and sets the exit code. */
export async function cliMain(): Promise<void> {
  try {
    process.exitCode = await runCli(
      process.argv.slice(2),
      process.cwd(),
      (line) => console.log(line),
      (line) => console.error(line),
    );
  } catch (error) {
    console.error(`vitrine could not finish: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}

if (import.meta.main) await cliMain();
