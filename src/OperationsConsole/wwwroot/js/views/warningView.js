import { user } from '../auth.js';
import { call, get, h, replaceKeepingInput, showProblem, table } from '../dom.js';
import { districtName, levels, t, time } from '../i18n.js';
import { onChange } from '../live.js';
import { plan } from '../plan.js';
import { can } from '../session.js';

function version(v) {
  return h('article', { class: 'version', dataset: { version: v.version } },
    h('h4', {}, t('version', { n: v.version }), ' · ', t(`kind.${v.kind}`) ?? v.kind),
    h('p', {}, h('span', { class: `badge level level-${v.level}` }, t(`level.${v.level}`)), ' ', v.headline),
    h('p', {}, v.description),
    v.instruction && h('p', {}, v.instruction),
    h('p', { class: 'meta' }, v.sent ? t('published', { t: time(v.sent) }) : t('notPublished'), v.expires && ` · ${t('expires', { t: time(v.expires) })}`),
    h('p', { class: 'meta' }, `${t('author')}: ${v.author}`, v.signedOffBy && ` · ${t('signedOffBy')}: ${v.signedOffBy}`),
    v.note && h('p', { class: 'meta' }, v.note));
}

function loop(responses) {
  return table({ id: 'loop' }, [t('unit'), t('acknowledged'), t('disposition'), t('latestReport')],
    responses.responses.map(r => h('tr', { dataset: { unit: r.unit, acknowledged: String(r.acknowledgedAt !== null), overdue: String(r.overdue) } },
      h('td', {}, r.unit),
      h('td', {}, r.acknowledgedAt ? `${time(r.acknowledgedAt)} · ${r.acknowledgedBy}${r.acknowledgedOnBehalf ? ` (${t('onBehalf')})` : ''}` : '—',
        r.overdue && h('span', { class: 'overdue' }, ` ${t('overdue')}`)),
      h('td', {}, r.disposition ? t(r.disposition) : '—'),
      h('td', {}, r.latestReport ?? '—'))));
}

function form(id, fields, submitLabel, onsubmit) {
  return h('form', { id, class: 'form', onsubmit: async e => { e.preventDefault(); await onsubmit(e.target); } },
    h('div', { class: 'form-problem' }), fields, h('div', { class: 'row' }, h('button', { type: 'submit' }, submitLabel)));
}

async function act(formEl, path, body, refresh) {
  const answer = await call(path, { method: 'POST', body });
  // Sent: the form starts afresh, so the refresh does not keep what it carried.
  if (answer.ok) { showProblem(formEl, null); formEl.reset(); await refresh(); return; }
  showProblem(formEl, answer.body);
}

function actions(w, refresh) {
  const blocks = [];
  const me = user()?.name;
  const pending = w.state === 'draft' ? { by: w.current.author, level: w.level } : w.pendingUpdate ? { by: w.pendingUpdate.proposedBy, level: w.pendingUpdate.level } : null;
  if (pending) {
    const mine = pending.by === me;
    blocks.push(h('div', { class: 'panel pending', id: 'signOffPanel' },
      h('p', { id: 'awaiting' }, t('awaitingSignOff', { by: pending.by, level: t(`level.${pending.level}`) })),
      h('p', {}, mine ? t('secondPersonMustSign') : ''),
      can('signOff') && !mine && form('signOffForm', [h('label', {}, t('comment'), h('input', { name: 'comment', 'data-field': 'comment', maxlength: 500 }))], t('approve'),
        f => act(f, `/api/warnings/${w.id}/sign-off`, { approve: true, comment: f.comment.value || null }, refresh))));
  }
  if (can('issue') && w.state === 'active') {
    blocks.push(form('updateForm', [
      h('label', {}, t('level'), h('select', { name: 'level', 'data-field': 'level' }, levels.map(l => h('option', { value: l, selected: l === w.level }, t(`level.${l}`))))),
      h('label', {}, t('note'), h('input', { name: 'note', 'data-field': 'note', maxlength: 500 }))], t('update'),
    f => act(f, `/api/warnings/${w.id}/updates`, { level: f.level.value, note: f.note.value || null }, refresh)));
    for (const end of ['lift', 'cancel']) {
      blocks.push(form(`${end}Form`, [h('label', {}, t('reason'), h('input', { name: 'reason', 'data-field': 'reason', maxlength: 500 }))], t(end),
        f => act(f, `/api/warnings/${w.id}/${end}`, { reason: f.reason.value || null }, refresh)));
    }
  }
  if (can('respond') && w.state === 'active') {
    const units = w.current.responsibleUnits;
    const unit = () => h('select', { name: 'unit', 'data-field': 'unit' }, units.map(u => h('option', { value: u }, u)));
    blocks.push(form('acknowledgeForm', [h('label', {}, t('unit'), unit())], t('acknowledge'),
      f => act(f, `/api/warnings/${w.id}/acknowledgements`, { unit: f.unit.value }, refresh)));
    blocks.push(form('dispositionForm', [h('label', {}, t('unit'), unit()),
      h('label', {}, t('disposition'), h('select', { name: 'status', 'data-field': 'status' }, ['inProgress', 'completed'].map(s => h('option', { value: s }, t(s))))),
      h('label', {}, t('report'), h('textarea', { name: 'report', 'data-field': 'report', maxlength: 4000 }))], t('reportDisposition'),
    f => act(f, `/api/warnings/${w.id}/dispositions`, { unit: f.unit.value, status: f.status.value, report: f.report.value }, refresh)));
  }
  return blocks;
}

/** One warning: its versions side by side, its area on the plan, its CAP document, and the closed loop, kept current. */
export function warningView(root, { id }) {
  let disposed = false;
  const refresh = async () => {
    const answer = await call(`/api/warnings/${id}`);
    if (disposed) return;
    if (!answer.ok) { root.replaceChildren(h('p', { class: 'field-error' }, `${answer.status}: ${answer.body?.title ?? ''}`)); return; }
    const w = answer.body;
    const [responses, cap] = await Promise.all([
      w.state === 'draft' ? Promise.resolve({ responses: [] }) : get(`/api/warnings/${id}/responses`),
      w.current.sent ? call(`/api/warnings/${id}/cap`, { accept: 'application/cap+xml, application/xml' }).then(a => (a.ok ? a.body : '')) : Promise.resolve(''),
    ]);
    if (disposed) return;
    const area = w.current.area;
    replaceKeepingInput(root, h('section', { id: 'warning', class: `level-${w.level}`, dataset: { state: w.state, level: w.level } },
      h('p', {}, h('a', { href: '#/' }, t('back'))),
      h('h2', {}, h('span', { class: 'badge level' }, t(`level.${w.level}`)), ' ', w.status === 'Exercise' ? `【${t('exercise')}】` : '', w.current.headline),
      h('p', { class: 'meta' }, `${t('state')}: `, h('span', { id: 'state' }, t(`state.${w.state}`)), ' · ',
        area.districtCodes.map(districtName).join('、') || t('wholeCity')),
      h('div', { class: 'warning-actions' }, actions(w, refresh)),
      h('div', { class: 'panel' }, h('h3', {}, t('closedLoop')), loop(responses)),
      h('div', { class: 'panel' }, h('h3', {}, t('versions')), h('div', { class: 'versions' }, w.history.slice().reverse().map(version))),
      h('div', { class: 'panel' }, h('h3', {}, t('area')), plan({ districtCodes: area.districtCodes, polygon: area.polygon, circle: area.circle }, t('area'))),
      cap && h('div', { class: 'panel' }, h('h3', {}, 'CAP 1.2'), h('pre', { class: 'cap', id: 'cap' }, cap))));
  };
  refresh();
  // Acknowledgements have no feed event of their own: the loop is read again every few seconds while the page is open.
  const timer = setInterval(() => { if (!document.querySelector('#warning form:focus-within')) refresh(); }, 3000);
  const off = onChange((change, event, payload) => { if (payload?.warningId === id) refresh(); });
  return () => { disposed = true; clearInterval(timer); off(); };
}
