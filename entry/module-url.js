// @ts-check
/**
 * Where a module of the package is: its compiled JavaScript in `lib/` when the package is installed (Node never
 * strips types under node_modules, and `npm pack` compiles lib/ first), its TypeScript source in `src/` in a
 * checkout of the repository, where Node runs `.ts` files as they are.
 * @param {string} name the module's path under src/ without extension, e.g. "cli/main"
 * @param {string} from the `import.meta.url` of the launcher asking
 */
export function moduleUrl(name, from) {
  const installed = from.includes("/node_modules/");
  return new URL(installed ? `../lib/${name}.js` : `../src/${name}.ts`, from).href;
}
