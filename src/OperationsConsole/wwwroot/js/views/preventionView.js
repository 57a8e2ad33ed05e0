import { call, get, h, table } from '../dom.js';
import { districtName, districts, language, t, time } from '../i18n.js';

const chosen = { district: '' };

function badge(level) {
  return h('span', { class: `badge level level-${level}` }, t(`risk.${level}`));
}

/** The terms of one enterprise's score (GET .../risk): what was counted, the weight of each, the points. */
async function terms(panel, enterpriseId) {
  const risk = await get(`/api/hazards/enterprises/${enterpriseId}/risk`);
  panel.replaceChildren(h('article', { id: 'riskTerms', class: 'panel', dataset: { enterprise: enterpriseId, level: risk.level } },
    h('h3', {}, risk.enterpriseName, ' ', badge(risk.level), ` ${t('score')} ${risk.score}`),
    table({ class: 'terms' }, [t('term'), t('termCount'), t('weight'), t('points')],
      risk.terms.map(x => h('tr', { dataset: { term: x.term } },
        h('td', {}, language() === 'zh' ? x.label : t(`term.${x.term}`)), h('td', {}, x.count), h('td', {}, x.weight), h('td', {}, x.points)))),
    h('p', { class: 'meta' }, t('thresholds', { y: risk.thresholds.yellowFrom, o: risk.thresholds.orangeFrom, r: risk.thresholds.redFrom }))));
}

function rankingTable(ranking, show) {
  if (ranking.data.length === 0) return h('p', { class: 'empty' }, t('noEnterprise'));
  return table({ id: 'riskRanking' }, [t('rank'), t('enterprise'), t('district'), t('score'), t('riskLevel'), ''],
    ranking.data.map(r => h('tr', { dataset: { enterprise: r.enterpriseId, level: r.level } },
      h('td', {}, r.rank), h('td', {}, r.enterpriseName), h('td', {}, districtName(r.districtCode)), h('td', {}, r.score), h('td', {}, badge(r.level)),
      h('td', {}, h('button', { type: 'button', class: 'terms', onclick: () => show(r.enterpriseId).catch(() => {}) }, t('showTerms'))))));
}

/** A citizen's report awaiting verification, with the regulator's two answers: verify, or reject with a reason the citizen sees. */
function awaitingRow(item, refresh) {
  const d = item.danger;
  const reason = h('input', { name: 'reason', maxlength: 2000, 'aria-label': t('rejectReason'), placeholder: t('rejectReason') });
  const problem = h('span', { class: 'field-error', role: 'alert' });
  const answer = async (decision) => {
    const result = await call(`/api/hazards/hidden-dangers/${d.id}/verification`, { method: 'POST', body: { decision, reason: reason.value || null } });
    if (result.ok) refresh(); else problem.textContent = Object.values(result.body?.errors ?? {}).flat().join(' ') || result.body?.detail || String(result.status);
  };
  return h('tr', { dataset: { danger: d.id } }, h('td', {}, time(d.reportedAt)), h('td', {}, item.enterpriseName), h('td', {}, d.title),
    h('td', {}, item.location ?? '—'),
    h('td', {}, h('button', { type: 'button', class: 'verify', onclick: () => answer('verify') }, t('verify')), ' ', reason, ' ',
      h('button', { type: 'button', class: 'reject', onclick: () => answer('reject') }, t('reject')), problem));
}

function supervisedTable(list) {
  if (list.data.length === 0) return h('p', { class: 'empty' }, t('noneSupervised'));
  return table({ id: 'supervised' }, [t('enterprise'), t('hiddenDanger'), t('supervisingUnit'), t('deadline'), t('state')],
    list.data.map(s => h('tr', { dataset: { danger: s.danger.id, overdue: String(s.danger.overdue) } },
      h('td', {}, s.enterpriseName), h('td', {}, s.danger.title), h('td', {}, s.supervision.supervisingUnit), h('td', {}, time(s.supervision.deadline)),
      h('td', {}, t(`danger.${s.danger.state}`), s.danger.overdue ? ` · ${t('overdueMark')}` : ''))));
}

/** Dual prevention (双重预防) for regulators: enterprises ranked by risk, citizens' reports to verify, the supervision list. */
export function preventionView(root) {
  let disposed = false;
  const panel = h('div', { id: 'riskDetail', 'aria-live': 'polite' });
  let shown = null;
  const show = id => { shown = id; return terms(panel, id); };
  let latest = 0;
  const render = async () => {
    // Answers can arrive out of order (a district chosen while a verification re-reads): only the latest request draws.
    const mine = ++latest;
    const where = chosen.district ? `&district=${chosen.district}` : '';
    const answers = await Promise.all([
      get(`/api/hazards/risk-ranking?pageSize=50${where}`),
      get(`/api/hazards/hidden-dangers?state=reported&source=citizen&pageSize=50${where}`),
      get('/api/hazards/hidden-dangers/supervised?pageSize=50')]).catch(error => error);
    if (disposed || mine !== latest) return;
    if (answers instanceof Error) {
      root.replaceChildren(h('section', { id: 'prevention' }, h('h2', {}, t('navPrevention')), h('p', { class: 'field-error', role: 'alert' }, answers.message)));
      return;
    }
    const [ranking, awaiting, supervised] = answers;
    const select = h('select', { name: 'district', onchange: e => { chosen.district = e.target.value; shown = null; panel.replaceChildren(); render(); } },
      h('option', { value: '' }, t('all')), districts.map(([code]) => h('option', { value: code }, districtName(code))));
    select.value = chosen.district;
    root.replaceChildren(h('section', { id: 'prevention' }, h('h2', {}, t('navPrevention')),
      h('form', { class: 'filters' }, h('label', {}, t('district'), select)),
      h('h3', {}, t('riskRanking')), rankingTable(ranking, show), panel,
      h('h3', {}, t('awaitingVerification')),
      awaiting.data.length === 0 ? h('p', { class: 'empty' }, t('noneAwaiting')) :
        table({ id: 'awaiting' }, [t('reportedAt'), t('enterprise'), t('hiddenDanger'), t('address'), ''], awaiting.data.map(a => awaitingRow(a, render))),
      h('h3', {}, t('supervised')), supervisedTable(supervised)));
    // The terms shown follow the change just made (a verified report adds its points).
    if (shown) await show(shown).catch(error => panel.replaceChildren(h('p', { class: 'field-error', role: 'alert' }, error.message)));
  };
  render();
  return () => { disposed = true; };
}
