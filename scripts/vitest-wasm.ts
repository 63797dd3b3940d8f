/**
 * Vitest's global set-up: the WebAssembly kernels built (`npm run build:wasm`, nothing done when
 * they are up to date) before any test, or vitest-bundles' bundles, imports them.
 */
import { buildWasm } from './build-wasm';

export default async function setup(): Promise<void> {
  await buildWasm();
}
