import { call, get, h, showProblem, table } from '../dom.js';
import { districtName, districts, t } from '../i18n.js';
import { can } from '../session.js';

let district = '';

/** Shelters with their status and free places; operators record arrivals and departures here. */
export function sheltersView(root) {
  let disposed = false;
  const render = async () => {
    const list = await get(`/api/shelters?pageSize=200${district ? `&district=${district}` : ''}`);
    if (disposed) return;
    const operate = can('operateShelters');
    const movement = s => h('form', { class: 'row', dataset: { shelter: s.id }, onsubmit: async e => {
      e.preventDefault();
      const f = e.target;
      const answer = await call(`/api/shelters/${s.id}/occupancy`, { method: 'POST', body: { kind: e.submitter.value, people: Number(f.people.value), note: null } });
      if (answer.ok) await render(); else showProblem(f, answer.body);
    } },
    h('div', { class: 'form-problem' }),
    h('label', {}, h('span', { class: 'visually-hidden' }, t('people')), h('input', { name: 'people', type: 'number', min: 1, value: 1, 'data-field': 'people', class: 'narrow' })),
    h('button', { type: 'submit', value: 'arrival' }, t('arrival')), h('button', { type: 'submit', value: 'departure' }, t('departure')));
    root.replaceChildren(h('section', { id: 'shelters', class: 'panel' }, h('h2', {}, t('navShelters')),
      h('form', { class: 'filters' }, h('label', {}, t('district'),
        h('select', { name: 'district', onchange: e => { district = e.target.value; render(); } },
          h('option', { value: '' }, t('all')), districts.map(([code]) => h('option', { value: code, selected: code === district }, districtName(code)))))),
      table({}, [t('shelter'), t('district'), t('status'), t('occupancy'), t('freePlaces'), operate ? t('movements') : null].filter(Boolean),
        list.data.map(s => h('tr', { dataset: { id: s.id, status: s.status } },
          h('td', {}, s.name), h('td', {}, districtName(s.districtCode)),
          h('td', {}, t(`shelter.${s.status}`), s.outOfService ? ` (${t('outOfService')})` : ''),
          h('td', { class: 'occupancy' }, `${s.occupancy} / ${s.capacity}`), h('td', { class: 'available' }, s.available),
          operate && h('td', {}, movement(s)))))));
  };
  render();
  return () => { disposed = true; };
}
