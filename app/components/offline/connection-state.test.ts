import { describe, expect, it } from 'vitest';
import { bannerFor, BLIP_MS, FIRST_CONNECT_MS, initialConnection, withPending, withStatus } from './connection-state.ts';

describe('the offline banner', () => {
  it('stays hidden while the first connection is made, unless it takes long', () => {
    const state = initialConnection('connecting', 0);
    expect(bannerFor(state, 0, true, 1000)).toEqual({ kind: 'hidden' });
    expect(bannerFor(state, 0, true, FIRST_CONNECT_MS)).toEqual({ kind: 'offline', pending: 0 });
    expect(bannerFor(withStatus(state, 'connected', 800), 0, true, 1000)).toEqual({ kind: 'hidden' });
  });

  it('ignores a blip, shows a real drop with the queued edits, and hides once they are saved', () => {
    let state = withStatus(initialConnection('connecting', 0), 'connected', 100);
    state = withStatus(state, 'disconnected', 10_000);
    expect(bannerFor(state, 3, true, 10_000 + BLIP_MS - 1)).toEqual({ kind: 'hidden' });
    expect(bannerFor(state, 3, true, 10_000 + BLIP_MS)).toEqual({ kind: 'offline', pending: 3 });
    state = withStatus(state, 'connecting', 12_500); // retrying keeps the time it went down
    expect(state.downSince).toBe(10_000);
    state = withStatus(state, 'connected', 15_000);
    expect(bannerFor(state, 3, true, 15_000)).toEqual({ kind: 'syncing', pending: 3 });
    state = withPending(state, 0);
    expect(bannerFor(state, 0, true, 15_100)).toEqual({ kind: 'hidden' });
    // Later typing while connected is ordinary traffic, not a reconnect to report.
    expect(bannerFor(state, 1, true, 20_000)).toEqual({ kind: 'hidden' });
  });

  it('believes the browser when it says the network is gone', () => {
    const state = withStatus(initialConnection('connecting', 0), 'connected', 100);
    expect(bannerFor(state, 2, false, 200)).toEqual({ kind: 'offline', pending: 2 });
  });
});
