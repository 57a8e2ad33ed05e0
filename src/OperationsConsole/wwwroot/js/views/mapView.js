import { get, h } from '../dom.js';
import { t } from '../i18n.js';
import { onChange, wall } from '../live.js';
import { plan } from '../plan.js';

const layers = { shelter: true, warehouse: true, hazard: true };
// A warning's polygon and circle, by id and version: the list does not carry them, so each version is read once.
const areas = new Map();

async function areaOf(w) {
  const key = `${w.id}:${w.version}`;
  if (!areas.has(key)) areas.set(key, get(`/api/warnings/${w.id}`).then(d => d.current.area).catch(() => null));
  return areas.get(key);
}

async function points() {
  const [shelters, warehouses, hazards, enterprises] = await Promise.all([
    get('/api/shelters?pageSize=200'), get('/api/inventory/warehouses'), get('/api/hazards/major-hazards?pageSize=200'),
    get('/api/hazards/enterprises?pageSize=200')]);
  // A major hazard source is drawn where its enterprise is.
  const at = new Map(enterprises.data.map(e => [e.id, e]));
  return [
    ...shelters.data.map(s => ({ kind: 'shelter', lat: s.latitude, lon: s.longitude, label: `${s.name} · ${t(`shelter.${s.status}`)} · ${t('freePlaces')} ${s.available}` })),
    ...warehouses.map(w => ({ kind: 'warehouse', lat: w.latitude, lon: w.longitude, label: w.name })),
    ...hazards.data.filter(m => at.has(m.enterpriseId)).map(m => ({
      kind: 'hazard', lat: at.get(m.enterpriseId).latitude, lon: at.get(m.enterpriseId).longitude, label: `${m.enterpriseName} · ${m.unitName} · ${m.levelName}` })),
  ];
}

/** Shelters, warehouses and major hazard sources as points on the plan of Shanghai, under the active warnings' areas. */
export function mapView(root) {
  let disposed = false;
  let all = [];
  const render = async () => {
    const active = wall.visible({});
    const drawn = (await Promise.all(active.map(areaOf))).filter(Boolean);
    if (disposed) return;
    const shown = all.filter(p => layers[p.kind]);
    const toggles = Object.keys(layers).map(kind => h('label', { class: 'check' },
      h('input', { type: 'checkbox', name: kind, checked: layers[kind], onchange: e => { layers[kind] = e.target.checked; render(); } }),
      ' ', h('span', { class: `legend ${kind}` }), ` ${t(`layer.${kind}`)} (${all.filter(p => p.kind === kind).length})`));
    root.replaceChildren(h('section', { id: 'map', class: 'panel' }, h('h2', {}, t('navMap')),
      h('form', { class: 'filters', id: 'layers' }, toggles),
      plan({ districtCodes: active.flatMap(w => w.districtCodes), areas: drawn, points: shown }, t('navMap'))));
  };
  points().then(found => { all = found; return render(); });
  const off = onChange(change => { if (change) render(); });
  return () => { disposed = true; off(); };
}
