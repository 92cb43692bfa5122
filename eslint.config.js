// @ts-check
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import astro from "eslint-plugin-astro";
import { defineConfig, globalIgnores } from "eslint/config";
import tseslint from "typescript-eslint";

export default defineConfig(
  globalIgnores([
    "dist/",
    "lib/",
    ".astro/",
    "node_modules/",
    "test/.tmp/",
    "bench/.tmp/",
    // Sample sites that tests build, some of them broken on purpose.
    "test/fixtures/",
    // The site that `vitrine init` writes: its imports of `vitrine` resolve only in a site that installed the package.
    "templates/",
    // The editors' CSV and MDX: `npm run validate` and the build check them.
    "content/",
    "data/",
  ]),

  js.configs.recommended,

  // Typed linting: the rules read TypeScript's types through the project service (tsconfig.json).
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      // `const { id: _id, ...rest } = record` is how a copy without a key is made: the left-out name is meant unused.
      "@typescript-eslint/no-unused-vars": ["error", { ignoreRestSiblings: true }],
    },
  },

  // The package's launchers (entry/) import a module chosen at run time (lib/ when installed, src/ in a checkout), so
  // what they import is untyped here; the package's `exports` give its users the types of the src/ modules instead.
  {
    files: ["entry/**/*.js"],
    rules: {
      "@typescript-eslint/no-unsafe-assignment": "off",
      "@typescript-eslint/no-unsafe-member-access": "off",
      "@typescript-eslint/no-unsafe-call": "off",
    },
  },

  // .astro files, with the accessibility rules of eslint-plugin-jsx-a11y applied to their markup. The rules come from
  // eslint-plugin-jsx-a11y-x, a fork that eslint-plugin-astro loads in its place: eslint-plugin-jsx-a11y itself (6.10.2)
  // declares a peer of eslint ^9 at most, so npm refuses to install it beside eslint 10 (ERESOLVE).
  // The <script> blocks that Astro bundles are not linted (eslint-plugin-astro skips them); ours only import a module
  // from src/scripts/, which is.
  astro.configs.recommended,
  astro.configs["jsx-a11y-recommended"],
  {
    files: ["**/*.astro"],
    languageOptions: {
      parserOptions: {
        // astro-eslint-parser has no project service: it builds its own program from tsconfig.json (and warns once per
        // file when given `projectService`).
        projectService: false,
        project: true,
      },
    },
    rules: {
      // The parser's program lacks the JSX types that Astro's language server adds: markup comes out untyped, so this
      // would flag every `.map((x) => <li>…</li>)` in a template. `npm run check` type-checks templates instead.
      "@typescript-eslint/no-unsafe-return": "off",
      // Components are typed without their props here (only Astro's language server knows them), so a callback passed as
      // a prop has untyped parameters: `hrefOf={(id) => href(id)}` would be flagged.
      "@typescript-eslint/no-unsafe-argument": "off",
    },
  },

  // Formatting is Prettier's: this turns off every rule that could disagree with it. Last, so nothing turns them back on.
  prettier,
);
