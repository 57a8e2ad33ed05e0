import { call, h } from '../dom.js';
import { t, time } from '../i18n.js';

function product(c) {
  return h('article', { id: 'product', class: 'panel', dataset: { code: c.code } },
    h('h3', {}, c.product.tradeName, ' · ', c.chemical.nameZh, ` (CAS ${c.chemical.cas}, UN ${c.chemical.unNumber})`),
    h('p', {}, `${t('enterprise')}: ${c.enterprise.name} · ${c.enterprise.districtName}`),
    h('p', {}, `${t('holder')}: ${c.trace.holderName ?? '—'} · ${t('scans')}: ${c.trace.scans}`, c.trace.anomalies ? ` · ${t('anomalies')}: ${c.trace.anomalies}` : ''),
    h('h4', {}, t('label')),
    h('p', {}, `${c.label.signalWord} · ${c.label.hazardStatements.join(' ')} · ${c.label.pictograms.join(' ')}`),
    h('p', {}, `${t('emergencyPhone')}: ${c.label.emergencyPhone}`),
    h('details', {}, h('summary', {}, `SDS (${t('revision')} ${c.sds.revision}, ${time(c.sds.revisedAt)})`),
      h('ol', {}, c.sds.sections.map(s => h('li', {}, h('strong', {}, s.title), ' ', s.content)))));
}

/** Looks up a product code (一企一品一码): typed, pasted, or read from its QR code by the camera where the browser can. */
export function hazardsView(root) {
  const result = h('div', { id: 'lookupResult', 'aria-live': 'polite' });
  const input = h('input', { name: 'code', id: 'code', autocomplete: 'off', maxlength: 64 });
  const lookup = async code => {
    const answer = await call(`/api/hazards/codes/${encodeURIComponent(code.trim())}`);
    result.replaceChildren(answer.ok ? product(answer.body)
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
    result));
  return () => {};
}
