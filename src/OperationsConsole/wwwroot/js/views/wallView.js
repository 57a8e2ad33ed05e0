import { h } from '../dom.js';
import { districtName, districts, language, levels, t, time } from '../i18n.js';
import { follow, highlights, onChange, unfollow, wall } from '../live.js';

const selection = { district: '', type: '', level: '', exercises: false };

function card(w, types) {
  const change = highlights.get(w.id);
  const type = types.find(ty => ty.code === w.type);
  const place = w.districtCodes.length ? w.districtCodes.map(districtName).join('、') : t('wholeCity');
  // The level is written as well as coloured.
  return h('li', { class: `warning level-${w.level}${change ? ' fresh' : ''}`, dataset: { id: w.id, level: w.level, ...(change ? { change } : {}) } },
    h('div', { class: 'meta' },
      h('span', { class: 'badge level' }, t(`level.${w.level}`)),
      w.exercise && h('span', { class: 'badge exercise' }, t('exercise')),
      change && h('span', { class: 'badge change' }, t(change))),
    h('h3', {}, h('a', { href: `#/warnings/${w.id}` }, (w.exercise ? `【${t('exercise')}】` : '') + w.headline)),
    h('div', { class: 'meta' },
      h('span', {}, type ? (language() === 'en' ? type.nameEn : type.nameZh) : w.typeName),
      h('span', {}, place), h('span', {}, t('version', { n: w.version })), h('span', {}, t('published', { t: time(w.sent) })),
      w.expires && h('span', {}, t('expires', { t: time(w.expires) }))));
}

function select(name, entries) {
  const el = h('select', { name, id: `filter-${name}` }, h('option', { value: '' }, t('all')), entries.map(([v, text]) => h('option', { value: v }, text)));
  el.value = selection[name];
  return el;
}

/** The warnings wall: live, newest first, filtered by district, type and level; exercises only when asked for. */
export function wallView(root, { types }) {
  const list = h('ol', { id: 'warnings', class: 'warnings' });
  const count = h('p', { id: 'count', class: 'count', 'aria-live': 'polite' });
  const empty = h('p', { id: 'empty', class: 'empty' }, t('noWarnings'));
  const render = () => {
    const shown = wall.visible(selection);
    list.replaceChildren(...shown.map(w => card(w, types)));
    count.textContent = t('count', { n: shown.length });
    empty.hidden = shown.length > 0;
  };
  const exercise = h('input', { type: 'checkbox', name: 'exercises', id: 'filter-exercises', checked: selection.exercises });
  const filters = h('form', { class: 'filters', id: 'filters', onchange: async e => {
    if (e.target.name === 'exercises') {
      selection.exercises = e.target.checked;
      if (selection.exercises) await follow('exercise'); else unfollow('exercise');
    } else selection[e.target.name] = e.target.value;
    render();
  } },
  h('label', {}, t('district'), select('district', districts.map(([code]) => [code, districtName(code)]))),
  h('label', {}, t('type'), select('type', types.map(ty => [ty.code, language() === 'en' ? ty.nameEn : ty.nameZh]))),
  h('label', {}, t('level'), select('level', levels.map(l => [l, t(`level.${l}`)]))),
  h('label', { class: 'check' }, exercise, t('showExercises')));
  root.replaceChildren(h('section', { id: 'wall', class: 'wall', 'aria-labelledby': 'wallTitle' },
    h('h2', { id: 'wallTitle' }, t('activeWarnings')), filters, count, list, empty));
  render();
  return onChange(render);
}
