// TypeScript on its own (typed ESLint, tsc) cannot read .astro files, so an .astro import in a .ts file would have no
// type at all. This gives it the type every component has; `astro check` and the build still read the real files.
declare module "*.astro" {
  const Component: import("astro/runtime/server/index.js").AstroComponentFactory;
  export default Component;
}

// The site config as the `vitrine()` integration validated it (src/astro/virtual-modules.ts).
declare module "virtual:vitrine/config" {
  const site: import("./contract/site-config-schema.ts").SiteConfig;
  export default site;
}
