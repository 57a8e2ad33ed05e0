import { get, h, table } from '../dom.js';
import { districtName, t } from '../i18n.js';
import { onChange, wall } from '../live.js';
import { plan } from '../plan.js';

const serious = new Set(['orange', 'red']);

async function district(code, warnings) {
  const [shelters, shortfalls] = await Promise.all([
    get(`/api/shelters?district=${code}&pageSize=200`), get(`/api/inventory/shortfalls?district=${code}`)]);
  const ready = shelters.data.filter(s => s.status === 'standby' || s.status === 'open');
  const reservations = (await Promise.all(warnings.map(w => get(`/api/inventory/reservations?warningId=${w.id}`)))).flat();
  return h('article', { class: 'panel', dataset: { district: code } },
    h('h3', {}, districtName(code), ' — ', warnings.map(w => t(`level.${w.level}`)).join('、')),
    h('h4', {}, t('shelters')),
    table({ class: 'shelters' }, [t('shelter'), t('status'), t('freePlaces')],
      ready.map(s => h('tr', { dataset: { status: s.status } }, h('td', {}, s.name), h('td', {}, t(`shelter.${s.status}`)), h('td', {}, s.available)))),
    h('p', { class: 'meta' }, t('sheltersReady', { n: ready.length, places: ready.reduce((sum, s) => sum + s.available, 0) })),
    h('h4', {}, t('shortfalls')),
    shortfalls.length === 0 ? h('p', {}, t('noShortfall')) :
      table({ class: 'shortfalls' }, [t('warehouse'), t('material'), t('minimum'), t('available'), t('missing')],
        shortfalls.map(s => h('tr', { dataset: { material: s.materialCode } },
          h('td', {}, s.warehouseName), h('td', {}, s.materialCode), h('td', {}, s.minimum), h('td', {}, s.available), h('td', {}, s.missing)))),
    h('h4', {}, t('reservations')),
    reservations.length === 0 ? h('p', {}, t('noReservation')) :
      h('ul', {}, reservations.map(r => h('li', {}, `${r.materialCode} × ${r.remaining}/${r.quantity}${r.released ? ` (${t('released')})` : ''}`))));
}

/** Readiness of the districts under orange or red warnings: shelters on standby or open, shortfalls, reservations. */
export function readinessView(root) {
  let disposed = false;
  const render = async () => {
    const warned = wall.visible({}).filter(w => serious.has(w.level));
    const byDistrict = new Map();
    for (const w of warned) for (const code of w.districtCodes) byDistrict.set(code, [...(byDistrict.get(code) ?? []), w]);
    const blocks = await Promise.all([...byDistrict.entries()].sort().map(([code, ws]) => district(code, ws)));
    if (disposed) return;
    root.replaceChildren(h('section', { id: 'readiness' }, h('h2', {}, t('navReadiness')),
      h('div', { class: 'panel' }, plan({ districtCodes: [...byDistrict.keys()] }, t('navReadiness'))),
      blocks.length ? blocks : h('p', { class: 'empty' }, t('noSeriousWarning'))));
  };
  render();
  // Shelters and stock change without a warnings event (a shelter put on standby, a receipt): read again every few seconds.
  const timer = setInterval(render, 5000);
  const off = onChange(change => { if (change) render(); });
  return () => { disposed = true; clearInterval(timer); off(); };
}
