import { circle, polygonPoints, project, seats } from './geo.js';
import { districtName, t } from './i18n.js';

const centralDistricts = ['310101', '310104', '310105', '310106', '310107', '310109', '310110'];

const svg = 'http://www.w3.org/2000/svg';

function node(tag, attributes, text) {
  const el = document.createElementNS(svg, tag);
  for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, String(v));
  if (text) el.textContent = text;
  return el;
}

/** Draws the plan with the warned districts, a CAP polygon and circle over it, and any points ({lat, lon, label, kind}). */
export function plan({ districtCodes = [], polygon = null, circle: circleText = null, areas = [], points = [] }, label) {
  const root = node('svg', { viewBox: '0 0 400 440', class: 'plan', role: 'img', 'aria-label': label });
  for (const [code, seat] of Object.entries(seats)) {
    const [x, y] = project(seat);
    const warned = districtCodes.includes(code);
    // The seven central districts sit within a few kilometres of each other: small marks, named on hover and together.
    const central = centralDistricts.includes(code);
    const mark = node('circle', { cx: x, cy: y, r: central ? 7 : 22, class: `district${warned ? ' warned' : ''}`, 'data-district': code });
    mark.append(node('title', {}, districtName(code)));
    root.append(mark);
    if (!central) root.append(node('text', { x, y: y + 3, 'text-anchor': 'middle' }, districtName(code)));
  }
  const [cx, cy] = project(seats[310101]);
  root.append(node('text', { x: cx + 14, y: cy - 22, 'text-anchor': 'start' }, t('centralDistricts')));
  for (const area of [{ polygon, circle: circleText }, ...areas]) {
    const shape = polygonPoints(area.polygon);
    if (shape.length >= 3) {
      root.append(node('polygon', { points: shape.map(p => project(p).join(',')).join(' '), fill: 'rgba(210,31,31,.25)', stroke: '#d21f1f', 'data-area': 'polygon' }));
    }
    const c = circle(area.circle);
    if (c) {
      const [x, y] = project(c.centre);
      // One degree of latitude is about 111 km; the plan is 440 units for 1.1 degrees.
      root.append(node('circle', { cx: x, cy: y, r: (c.km / 111) * (440 / 1.1), fill: 'rgba(210,31,31,.25)', stroke: '#d21f1f', 'data-area': 'circle' }));
    }
  }
  for (const p of points) {
    const [x, y] = project([p.lat, p.lon]);
    root.append(node('circle', { cx: x, cy: y, r: 3.5, class: `point ${p.kind}`, 'data-kind': p.kind }));
    root.lastChild.append(node('title', {}, p.label));
  }
  return root;
}
