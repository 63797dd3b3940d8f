/**
 * Stands in for the preload when the built renderer is served by the loopback harness: the same
 * named functions as `window.bitext`, carried over HTTP to the same handler table.
 */
import { buildApi, EARLY_METHODS } from '../contract/channels';
import { LAYOUT_HEADER, WIRE_CONTENT_TYPE, encodeWire } from './wire';

const api = buildApi(
  async (channel, payload) => {
    // Bytes (import files) go as bytes, as structured clone carries them in the app (`wire.ts`).
    const wire = encodeWire(payload);
    const response = await fetch(`/__ipc/${encodeURIComponent(channel)}`, {
      method: 'POST',
      ...(wire
        ? { headers: { 'Content-Type': WIRE_CONTENT_TYPE, [LAYOUT_HEADER]: wire.layout }, body: new Blob(wire.parts as BlobPart[]) }
        : { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ payload: payload ?? null, hasPayload: payload !== undefined }) }),
    });
    return response.json();
  },
  // The harness has no application menu, so nothing is ever pushed: subscriptions stay silent.
  () => () => undefined,
  // As the preload does: the settings and the first document are asked for before the bundle runs.
  { early: EARLY_METHODS },
);

Object.defineProperty(window, 'bitext', { value: api, writable: false, configurable: false });

// The harness's token came in the address (`?token=`) and now lives in an HttpOnly cookie: take it
// out of the address bar and the history.
const address = new URL(window.location.href);
if (address.searchParams.has('token')) {
  address.searchParams.delete('token');
  window.history.replaceState(window.history.state, '', `${address.pathname}${address.search}${address.hash}`);
}
