import assert from 'node:assert/strict';
import test from 'node:test';
import { openFeed, parseEvents } from '../wwwroot/js/sse.js';

test('frames split across chunks come out whole, comments and heartbeats are skipped', () => {
  let { events, rest } = parseEvents('retry: 3000\n\n: heartbeat\n\nid: 7\nevent: warning.issued\ndata: {"a":');
  assert.deepEqual(events, [{ id: null, event: 'message', data: '', retry: 3000 }]);
  ({ events, rest } = parseEvents(`${rest}1}\r\n\r\n`));
  assert.deepEqual(events, [{ id: '7', event: 'warning.issued', data: '{"a":1}', retry: null }]);
  assert.equal(rest, '');
});

test('multi-line data joins with newlines', () => {
  const { events } = parseEvents('data: one\ndata: two\n\n');
  assert.equal(events[0].data, 'one\ntwo');
});

test('after a drop the feed reconnects with the last id it saw, and says so', async () => {
  const requests = [];
  const states = [];
  const seen = [];
  const bodies = ['retry: 10\n\nid: 1\nevent: warning.issued\ndata: {}\n\nid: 2\nevent: warning.updated\ndata: {}\n\n', 'id: 3\nevent: warning.lifted\ndata: {}\n\n'];
  const fetchImpl = async (url, init) => {
    requests.push(init.headers['Last-Event-ID'] ?? null);
    const text = bodies.shift();
    if (text === undefined) return new Promise(() => {});
    return new Response(new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode(text)); c.close(); } }), { status: 200 });
  };
  const feed = openFeed({ url: '/feed', token: async () => 't', onEvent: e => seen.push(e.id), onState: s => states.push(s), fetchImpl });
  const deadline = Date.now() + 5000;
  while (requests.length < 3 && Date.now() < deadline) await new Promise(r => setTimeout(r, 5));
  feed.close();
  assert.deepEqual(requests, [null, '2', '3']);
  assert.deepEqual(seen, ['1', '2', '3']);
  assert.deepEqual(states.slice(0, 3), ['live', 'reconnecting', 'live']);
});
