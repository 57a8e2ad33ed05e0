import { accessToken } from './auth.js';

/** Builds an element: h('li', { class: 'x', dataset: { id } }, child, 'text'). Text is always text, never HTML. */
export function h(tag, attributes = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'dataset') Object.assign(el.dataset, value);
    else if (name === 'class') el.className = value;
    else if (name.startsWith('on')) el.addEventListener(name.slice(2), value);
    else el.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/**
 * A table whose cells carry their column's name (data-label), so that a phone-width screen can show each row as a card
 * with the names beside the values. rows: tr elements.
 */
export function table(attributes, headers, rows) {
  const el = h('table', { ...attributes, class: ['stack', attributes.class].filter(Boolean).join(' ') },
    h('thead', {}, h('tr', {}, headers.map(x => h('th', { scope: 'col' }, x)))), h('tbody', {}, rows));
  for (const row of el.tBodies[0].rows) [...row.cells].forEach((cell, i) => { if (headers[i] !== undefined) cell.dataset.label = headers[i]; });
  return el;
}

/** Calls an API through the gateway with the signed-in user's token; answers { status, body } (body parsed when JSON). */
export async function call(path, { method = 'GET', body, accept = 'application/json' } = {}) {
  const headers = { Authorization: `Bearer ${await accessToken()}`, Accept: accept };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method === 'POST') headers['Idempotency-Key'] = crypto.randomUUID();
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const type = response.headers.get('Content-Type') ?? '';
  const parsed = type.includes('json') ? await response.json() : await response.text();
  return { status: response.status, ok: response.ok, body: parsed };
}

export async function get(path) {
  const answer = await call(path);
  if (!answer.ok) throw new Error(`${path} answered ${answer.status}`);
  return answer.body;
}

/**
 * Shows an RFC 9457 problem on a form: each field's messages beside the field named like it (data-field), the rest, and
 * the problem's title and detail, at the top. Returns the messages shown.
 */
export function showProblem(form, problem) {
  for (const old of form.querySelectorAll('.field-error')) old.remove();
  for (const field of form.querySelectorAll('[aria-invalid]')) field.removeAttribute('aria-invalid');
  const summary = form.querySelector('.form-problem');
  summary.replaceChildren();
  if (!problem) return [];
  const shown = [];
  const errors = problem.errors ?? {};
  for (const [name, messages] of Object.entries(errors)) {
    const field = form.querySelector(`[data-field="${CSS.escape(name)}"]`);
    const text = `${messages.join(' ')}`;
    shown.push(`${name}: ${text}`);
    if (field) {
      field.setAttribute('aria-invalid', 'true');
      field.closest('label, fieldset')?.append(h('span', { class: 'field-error', role: 'alert', dataset: { for: name } }, text));
    } else {
      summary.append(h('p', { class: 'field-error', dataset: { for: name } }, `${name}: ${text}`));
    }
  }
  if (Object.keys(errors).length === 0) summary.append(h('p', { class: 'field-error', role: 'alert' }, [problem.title, problem.detail].filter(Boolean).join(' — ')));
  return shown;
}

/** A form field's value as rendered (what a refresh would put back), to tell it from what the user entered. */
function renderedValue(field) {
  if (field instanceof HTMLSelectElement) return [...field.options].find(o => o.defaultSelected)?.value ?? field.options[0]?.value ?? '';
  return field.defaultValue;
}

/**
 * Replaces root's content as replaceChildren does, but keeps what the user entered in its forms and has not sent (and
 * where the focus was): a view re-rendered by a feed event or a poll must not take an officer's half-typed update away.
 */
export function replaceKeepingInput(root, ...children) {
  const entered = [];
  for (const form of root.querySelectorAll('form[id]')) {
    for (const field of form.elements) {
      if (field.name && 'value' in field && field.value !== renderedValue(field)) entered.push([form.id, field.name, field.value]);
    }
  }
  const focused = root.contains(document.activeElement) && document.activeElement.form?.id
    ? [document.activeElement.form.id, document.activeElement.name] : null;
  root.replaceChildren(...children);
  for (const [formId, name, value] of entered) {
    const field = root.querySelector(`form#${CSS.escape(formId)}`)?.elements.namedItem(name);
    if (field && 'value' in field) field.value = value;
  }
  if (focused) root.querySelector(`form#${CSS.escape(focused[0])}`)?.elements.namedItem(focused[1])?.focus?.();
}
