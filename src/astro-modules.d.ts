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

// The overridable components (src/astro/virtual-modules.ts): the site's own file from `components` in its config,
// or the package's src/components/<Name>.astro.
declare module "virtual:vitrine/components/Header" {
  const Header: import("astro/runtime/server/index.js").AstroComponentFactory;
  export default Header;
}
declare module "virtual:vitrine/components/Footer" {
  const Footer: import("astro/runtime/server/index.js").AstroComponentFactory;
  export default Footer;
}
declare module "virtual:vitrine/components/HomeIntro" {
  const HomeIntro: import("astro/runtime/server/index.js").AstroComponentFactory;
  export default HomeIntro;
}
declare module "virtual:vitrine/components/PostShare" {
  const PostShare: import("astro/runtime/server/index.js").AstroComponentFactory;
  export default PostShare;
}

// The theme's colours and the site's `customCss`, imported for their side effect after the package's CSS.
declare module "virtual:vitrine/styles" {}

// The charts' colours for both themes, imported for their side effect by the chart's figure.
declare module "virtual:vitrine/chart-palette.css" {}

// The site's logo: the URL of its emitted image file and its text alternative, or undefined without one.
declare module "virtual:vitrine/logo" {
  const logo: { src: string; alt: string } | undefined;
  export default logo;
}

// The site's languages and each one's messages by key, with the locale each is written in (src/astro/virtual-modules.ts).
declare module "virtual:vitrine/i18n" {
  const i18n: {
    languages: import("./i18n/languages.ts").Language[];
    messages: Record<string, Record<string, { text: string; locale: string }>>;
  };
  export default i18n;
}
