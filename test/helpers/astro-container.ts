import { getViteConfig } from "astro/config";
import { createServer, type ViteDevServer } from "vite";

/** Renders `.astro` components (paths under src/components/, without the extension) to HTML. */
export interface ComponentRenderer {
  render: (component: string, props: Record<string, unknown>, slot?: string) => Promise<string>;
  close: () => Promise<void>;
}

/**
 * Starts a Vite server with the project's Astro config and the Container API, to render components
 * in tests: the project's vitest config is plain vitest, so `.astro` files need a server of their own.
 */
export async function createComponentRenderer(): Promise<ComponentRenderer> {
  const makeConfig = getViteConfig(
    { server: { middlewareMode: true, hmr: false, ws: false, watch: null }, appType: "custom", logLevel: "warn" },
    { devToolbar: { enabled: false }, logLevel: "warn" },
  );
  const server: ViteDevServer = await createServer({
    ...(await makeConfig({ command: "serve", mode: "test" })),
    configFile: false,
  });
  const { experimental_AstroContainer } = (await server.ssrLoadModule(
    "astro/container",
  )) as typeof import("astro/container");
  const container = await experimental_AstroContainer.create();
  return {
    render: async (component, props, slot) => {
      const module = (await server.ssrLoadModule(`/src/components/${component}.astro`)) as {
        default: Parameters<typeof container.renderToString>[0];
      };
      return container.renderToString(module.default, {
        props,
        ...(slot === undefined ? {} : { slots: { default: slot } }),
      });
    },
    close: () => server.close(),
  };
}
