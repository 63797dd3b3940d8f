import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

// Three build entries: the main process, the (sandboxed, CommonJS) preload, and the React renderer.
// Everything is bundled, so the packaged app carries no node_modules.
const root = dirname(fileURLToPath(import.meta.url));
// The contract's modules have no side effects (building a zod schema has none), so the renderer,
// which uses the contract's types and constants but never validates, carries none of its schemas
// and no zod.
const CONTRACT_TREESHAKE = { moduleSideEffects: (id: string) => !/[\\/]src-main[\\/]contract[\\/]/.test(id) };

/**
 * Names each language's strings chunk in index.html, inert (`<link rel="bitext-strings"
 * hreflang="en" href="./assets/common-….js">`): the page main serves turns the reader's language
 * into a module preload (`withStringsPreload`, src-main/core/startup/first-paint.ts).
 */
function stringsLinks(): Plugin {
  return {
    name: 'bitext-strings-links',
    transformIndexHtml: {
      order: 'post',
      handler(_html, context) {
        if (!context.bundle) return undefined;
        return Object.values(context.bundle).flatMap((chunk) => {
          const lang = chunk.type === 'chunk' ? /[\\/]locales[\\/]([a-z]+)[\\/]common\.json$/.exec(chunk.facadeModuleId ?? '')?.[1] : undefined;
          return lang ? [{ tag: 'link', attrs: { rel: 'bitext-strings', hreflang: lang, href: `./${chunk.fileName}` }, injectTo: 'head' as const }] : [];
        });
      },
    },
  };
}

export default defineConfig({
  main: {
    // fflate's Node build declares its own `require` (createRequire), which collides with the
    // CommonJS shim electron-vite puts into worker chunks (a SyntaxError when the worker starts);
    // its browser build has the same synchronous and streaming API without it.
    resolve: { alias: { fflate: resolve(root, 'node_modules/fflate/esm/browser.js') } },
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/electron/main.ts') },
        external: ['electron'],
      },
    },
  },
  preload: {
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'src-main/preload/index.ts') },
        external: ['electron'],
        treeshake: CONTRACT_TREESHAKE,
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src-renderer'),
    plugins: [react(), stringsLinks()],
    build: {
      minify: true,
      rollupOptions: {
        input: { index: resolve(root, 'src-renderer/index.html') },
        treeshake: CONTRACT_TREESHAKE,
      },
    },
  },
});
