/**
 * Runs a command and measures it: wall time, CPU time and peak memory of its whole process tree.
 *
 * Peak memory is the larger of two readings: GNU time's maximum resident set size of the largest
 * process (`/usr/bin/time -v`, when installed; exact, threads included), and the largest sum of
 * `VmRSS` over the process and all its descendants, polled from `/proc` every 100 ms (catches a
 * child process such as Pagefind's binary running beside Node).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";

/** What a measured run gives back. */
export interface Measured {
  code: number | null;
  /** stdout and stderr, interleaved as they came (GNU time's report removed). */
  output: string;
  wallMs: number;
  /** User + system CPU time of the process tree, ms (GNU time's, else the last /proc reading). */
  cpuMs: number;
  peakRssBytes: number;
  /** The two readings behind it: GNU time's (0 without it) and the polled sum over the process tree. */
  maxRssBytes: number;
  peakTreeBytes: number;
}

const GNU_TIME = "/usr/bin/time";
const TICKS_PER_SECOND = 100;

/** Parent pid and CPU ticks (utime + stime) of a process from `/proc/<pid>/stat`, or undefined when it is gone. */
function procStat(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis are plain.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

function rssBytes(pid: number): number {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** `root` and every process below it. */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync("/proc")) {
    if (!/^\d+$/.test(name)) continue;
    const stat = procStat(Number(name));
    if (stat) children.set(stat.ppid, [...(children.get(stat.ppid) ?? []), Number(name)]);
  }
  const tree = [root];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i] ?? -1) ?? []));
  return tree;
}

/** What `watchProcessTree` saw: the largest memory sum over the tree, and the largest CPU time (ms) it read. */
export interface TreeUsage {
  peakBytes: number;
  cpuMs: number;
}

/**
 * Polls `root` and its descendants every 100 ms: the largest sum of their resident memory and of their
 * CPU time. `stop()` ends the polling and gives what was seen. For a process that runs until it is
 * stopped, such as `astro dev`; `runMeasured` uses it too.
 */
export function watchProcessTree(root: number): { stop: () => TreeUsage } {
  let peakBytes = 0;
  let ticks = 0;
  const poll = setInterval(() => {
    if (!existsSync("/proc")) return;
    const tree = processTree(root);
    peakBytes = Math.max(
      peakBytes,
      tree.reduce((sum, pid) => sum + rssBytes(pid), 0),
    );
    ticks = Math.max(
      ticks,
      tree.reduce((sum, pid) => sum + (procStat(pid)?.ticks ?? 0), 0),
    );
  }, 100);
  return {
    stop: () => {
      clearInterval(poll);
      return { peakBytes, cpuMs: (ticks / TICKS_PER_SECOND) * 1000 };
    },
  };
}

/** Runs `command args` in `cwd` with `env`, measuring it (see the module comment). */
export function runMeasured(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): Promise<Measured> {
  const useTime = existsSync(GNU_TIME);
  const [file, argv] = useTime ? [GNU_TIME, ["-v", command, ...args]] : [command, [...args]];
  const started = performance.now();
  const child = spawn(file, argv, { cwd: options.cwd, env: options.env });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const tree = child.pid === undefined ? undefined : watchProcessTree(child.pid);
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => {
      const usage = tree?.stop() ?? { peakBytes: 0, cpuMs: 0 };
      const wallMs = performance.now() - started;
      let cpuMs = usage.cpuMs;
      let maxRssBytes = 0;
      let text = output;
      const report = useTime ? output.lastIndexOf("\tCommand being timed:") : -1;
      if (report >= 0) {
        const tail = output.slice(report);
        text = output.slice(0, report);
        const seconds = (label: string) => Number(new RegExp(`${label} \\(seconds\\): ([\\d.]+)`).exec(tail)?.[1] ?? 0);
        cpuMs = (seconds("User time") + seconds("System time")) * 1000;
        maxRssBytes = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(tail)?.[1] ?? 0) * 1024;
      }
      resolve({
        code,
        output: text,
        wallMs,
        cpuMs,
        peakRssBytes: Math.max(maxRssBytes, usage.peakBytes),
        maxRssBytes,
        peakTreeBytes: usage.peakBytes,
      });
    });
  });
}

/** `run`, or an error with the end of its output when it did not exit with 0. */
export function mustSucceed(what: string, run: Measured): Measured {
  if (run.code !== 0) throw new Error(`${what} failed with exit code ${run.code}:\n${run.output.slice(-4000)}`);
  return run;
}
