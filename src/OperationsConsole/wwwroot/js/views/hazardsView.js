import { call, get, h, table } from '../dom.js';
import { districtName, districts, t, time } from '../i18n.js';
import { can } from '../session.js';

const majorLevels = ['level1', 'level2', 'level3', 'level4'];
const chosen = { level: '', district: '' };

function choose(name, entries, onchange) {
  const el = h('select', { name, onchange }, h('option', { value: '' }, t('all')), entries.map(([v, text]) => h('option', { value: v }, text)));
  el.value = chosen[name];
  return el;
}

/** Major hazard sources (GB 18218) by level and district, and, for regulators, the refused scans. */
async function registry(section) {
  const query = new URLSearchParams({ pageSize: '200', ...(chosen.level && { level: chosen.level }), ...(chosen.district && { district: chosen.district }) });
  const [sources, anomalies] = await Promise.all([
    get(`/api/hazards/major-hazards?${query}`),
    can('anomalies') ? get(`/api/hazards/anomalies?pageSize=50${chosen.district ? `&district=${chosen.district}` : ''}`) : Promise.resolve(null)]);
  const refresh = e => { chosen[e.target.name] = e.target.value; registry(section); };
  section.replaceChildren(
    h('h3', {}, t('majorHazards')),
    h('form', { class: 'filters' }, h('label', {}, t('level'), choose('level', majorLevels.map(l => [l, t(`major.${l}`)]), refresh)),
      h('label', {}, t('district'), choose('district', districts.map(([code]) => [code, districtName(code)]), refresh))),
    table({ id: 'majorHazards' }, [t('enterprise'), t('unit'), t('level'), 'R', t('district')],
      sources.data.map(m => h('tr', { dataset: { level: m.level } }, h('td', {}, m.enterpriseName), h('td', {}, m.unitName),
        h('td', {}, m.levelName), h('td', {}, m.r), h('td', {}, districtName(m.districtCode))))),
    anomalies && h('h3', {}, t('anomalies')),
    anomalies && table({ id: 'anomalies' }, [t('time'), t('productCode'), t('rule'), t('detail')],
      anomalies.data.map(a => h('tr', {}, h('td', {}, time(a.detectedAt)), h('td', {}, a.code), h('td', {}, a.rule), h('td', {}, a.detail)))));
}

function product(c, trace) {
  return h('article', { id: 'product', class: 'panel', dataset: { code: c.code } },
    h('h3', {}, c.product.tradeName, ' · ', c.chemical.nameZh, ` (CAS ${c.chemical.cas}, UN ${c.chemical.unNumber})`),
    h('p', {}, `${t('enterprise')}: ${c.enterprise.name} · ${c.enterprise.districtName}`),
    h('p', {}, `${t('holder')}: ${c.trace.holderName ?? '—'} · ${t('scans')}: ${c.trace.scans}`, c.trace.anomalies ? ` · ${t('anomalies')}: ${c.trace.anomalies}` : ''),
    h('h4', {}, t('label')),
    h('p', {}, `${c.label.signalWord} · ${c.label.hazardStatements.join(' ')} · ${c.label.pictograms.join(' ')}`),
    h('p', {}, `${t('emergencyPhone')}: ${c.label.emergencyPhone}`),
    h('details', {}, h('summary', {}, `SDS (${t('revision')} ${c.sds.revision}, ${time(c.sds.revisedAt)})`),
      h('ol', {}, c.sds.sections.map(s => h('li', {}, h('strong', {}, s.title), ' ', s.content)))),
    h('h4', {}, t('trace')),
    trace.length === 0 ? h('p', { class: 'empty' }, t('noScans')) :
      table({ id: 'trace' }, [t('time'), t('step'), t('address'), t('quantity'), t('remaining'), t('operator')],
        trace.map(s => h('tr', { dataset: { step: s.step } }, h('td', {}, time(s.scannedAt)), h('td', {}, t(`scan.${s.step}`)), h('td', {}, s.address ?? '—'),
          h('td', {}, `${s.quantity} ${s.unit}`), h('td', {}, s.remainingAfter), h('td', {}, s.operator)))));
}

/** Looks up a product code (一企一品一码): typed, pasted, or read from its QR code by the camera where the browser can. */
export function hazardsView(root) {
  const result = h('div', { id: 'lookupResult', 'aria-live': 'polite' });
  const input = h('input', { name: 'code', id: 'code', autocomplete: 'off', maxlength: 64 });
  const lookup = async code => {
    const path = `/api/hazards/codes/${encodeURIComponent(code.trim())}`;
    // The code and its trace (its scans in order; the first page, the summary counts them all) at once.
    const [answer, trace] = await Promise.all([call(path), call(`${path}/trace?pageSize=50`)]);
    result.replaceChildren(answer.ok ? product(answer.body, trace.ok ? trace.body.data : [])
      : h('p', { class: 'field-error', role: 'alert' }, answer.status === 404 ? t('noSuchCode') : (answer.body?.detail ?? answer.body?.title ?? String(answer.status))));
  };
  const scan = 'BarcodeDetector' in window && navigator.mediaDevices
    ? h('button', { type: 'button', onclick: async () => {
      const stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' } });
      const video = h('video', { autoplay: true, playsinline: true });
      video.srcObject = stream;
      result.replaceChildren(video);
      const detector = new window.BarcodeDetector({ formats: ['qr_code'] });
      const tick = async () => {
        const [found] = await detector.detect(video).catch(() => []);
        if (!found) { requestAnimationFrame(tick); return; }
        stream.getTracks().forEach(track => track.stop());
        // A QR code holds the code's public address; its last segment before /public is the code.
        const code = found.rawValue.split('/').filter(Boolean).reverse().find(part => part !== 'public') ?? found.rawValue;
        input.value = code;
        await lookup(code);
      };
      video.addEventListener('playing', tick, { once: true });
    } }, t('scanQr'))
    : null;
  root.replaceChildren(h('section', { class: 'panel' }, h('h2', {}, t('navHazards')),
    h('form', { id: 'lookupForm', class: 'row', onsubmit: async e => { e.preventDefault(); await lookup(input.value); } },
      h('label', {}, t('productCode'), input), h('button', { type: 'submit' }, t('lookUp')), scan),
    result), h('section', { class: 'panel', id: 'registry' }));
  registry(root.querySelector('#registry'));
  return () => {};
}
