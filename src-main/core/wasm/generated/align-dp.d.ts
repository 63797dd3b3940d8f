/** `assembly/align-dp.ts` compiled to WebAssembly, as base64 (made by `npm run build:wasm`). */
export declare const wasm: string;
