import { inject } from "vitest";

/** The base paths the repository's sample site is built at, once per run, for every site test. */
export type SampleBase = "/" | "/sub/";

/** One build of the repository's sample site, made by the site project's global setup (test/site/global-setup.ts). */
export interface SampleSite {
  /** The fixture copy: its `dist/` is the build. Shared by every test file, so read it, never write to it. */
  dir: string;
  base: SampleBase;
  /** Exit code and output of `astro build` (the setup fails the run when the code is not 0). */
  code: number | null;
  output: string;
}

declare module "vitest" {
  export interface ProvidedContext {
    sampleSites: Record<SampleBase, SampleSite>;
  }
}

/** The shared build of the sample site at `base`; only in the `site` project, whose global setup builds it. */
export function sampleSite(base: SampleBase): SampleSite {
  return inject("sampleSites")[base];
}
