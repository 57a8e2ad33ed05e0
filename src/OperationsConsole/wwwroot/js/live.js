import { accessToken } from './auth.js';
import { get } from './dom.js';
import { openFeed } from './sse.js';
import { createWall } from './wall.js';

// The warnings as the live feed tells them, shared by every view: one connection per status (actual; exercise on demand).
export const wall = createWall();
export const highlights = new Map();
const listeners = new Set();
const feeds = {};
let connection = () => {};

export function onChange(listener) { listeners.add(listener); return () => listeners.delete(listener); }

export function onConnection(listener) { connection = listener; }

function notify(change, event, payload) { for (const listener of listeners) listener(change, event, payload); }

function highlight(change) {
  if (!change || change.change === 'removed') return;
  highlights.set(change.id, change.change);
  setTimeout(() => { highlights.delete(change.id); notify(null); }, 10_000);
}

/** Follows the feed of one status ('actual' or 'exercise'); what arrives before the list is in is held, so nothing falls between. */
export async function follow(status) {
  if (feeds[status]) return;
  const held = [];
  let loaded = false;
  const query = status === 'exercise' ? '?status=exercise' : '';
  feeds[status] = openFeed({
    url: `/api/warnings/feed${query}`, token: accessToken, onState: state => connection(state),
    onEvent: e => {
      const payload = JSON.parse(e.data);
      if (!loaded) { held.push([e.event, payload]); return; }
      const change = wall.apply(e.event, payload);
      highlight(change);
      notify(change, e.event, payload);
    },
  });
  const list = await get(`/api/warnings?pageSize=200${status === 'exercise' ? '&status=exercise' : ''}`);
  wall.load(list.data);
  loaded = true;
  for (const [event, payload] of held) wall.apply(event, payload);
  notify(null);
}

export function unfollow(status) {
  feeds[status]?.close();
  delete feeds[status];
  if (status === 'exercise') wall.dropExercises();
  notify(null);
}
