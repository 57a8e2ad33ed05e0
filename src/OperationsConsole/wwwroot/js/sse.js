// Server-Sent Events over fetch, so the request can carry the bearer token (EventSource cannot) and resume with Last-Event-ID.

/** Splits a text/event-stream chunk stream into events; returns the events complete so far and the unfinished rest. */
export function parseEvents(buffer) {
  const events = [];
  const text = buffer.replace(/\r\n?/g, '\n');
  let start = 0;
  let end;
  while ((end = text.indexOf('\n\n', start)) !== -1) {
    const block = text.slice(start, end);
    start = end + 2;
    const event = { id: null, event: 'message', data: [], retry: null };
    for (const line of block.split('\n')) {
      if (line === '' || line.startsWith(':')) continue;
      const colon = line.indexOf(':');
      const field = colon === -1 ? line : line.slice(0, colon);
      let value = colon === -1 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'id') event.id = value;
      else if (field === 'event') event.event = value;
      else if (field === 'data') event.data.push(value);
      else if (field === 'retry' && /^\d+$/.test(value)) event.retry = Number(value);
    }
    if (event.data.length > 0 || event.retry !== null) events.push({ ...event, data: event.data.join('\n') });
  }
  return { events, rest: text.slice(start) };
}

/**
 * Holds one feed open: reconnects after a drop with the last id seen, so nothing is missed and nothing repeats.
 * onEvent gets {id, event, data}; onState gets 'live' or 'reconnecting'.
 */
export function openFeed({ url, token, onEvent, onState, fetchImpl = fetch }) {
  let lastId = null;
  let retry = 3000;
  let stopped = false;
  const controller = new AbortController();

  async function once() {
    const headers = { Accept: 'text/event-stream', Authorization: `Bearer ${await token()}` };
    if (lastId !== null) headers['Last-Event-ID'] = lastId;
    const response = await fetchImpl(url, { headers, signal: controller.signal, cache: 'no-store' });
    if (!response.ok || !response.body) throw new Error(`feed answered ${response.status}`);
    onState('live');
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      const { events, rest } = parseEvents(buffer);
      buffer = rest;
      for (const e of events) {
        if (e.retry !== null) retry = e.retry;
        if (e.id !== null) lastId = e.id;
        if (e.data) onEvent(e);
      }
    }
  }

  (async () => {
    while (!stopped) {
      try { await once(); } catch (error) { if (stopped) return; }
      if (stopped) return;
      onState('reconnecting');
      await new Promise(resolve => setTimeout(resolve, Math.min(retry, 5000)));
    }
  })();

  return { close() { stopped = true; controller.abort(); }, get lastId() { return lastId; } };
}
