import { call, h, showProblem } from '../dom.js';
import { districtName, districts, language, levels, t } from '../i18n.js';

/**
 * Issues a warning. The form sends what was typed, as typed: the service's problem details decide what is wrong, and each
 * message is shown beside its field (the API and the form never disagree about the rules).
 */
export function issueView(root, { types }) {
  const field = (label, control) => h('label', {}, label, control);
  const form = h('form', { id: 'issueForm', class: 'form', novalidate: true, onsubmit: async e => {
    e.preventDefault();
    const f = e.target;
    const chosen = [...f.querySelectorAll('input[name=district]:checked')].map(c => c.value);
    const units = f.units.value.split(/\n/).map(u => u.trim()).filter(Boolean);
    const body = {
      type: f.type.value || null, level: f.level.value || null, area: { districtCodes: chosen },
      headline: f.headline.value, description: f.description.value, instruction: f.instruction.value || null,
      expires: f.expires.value ? new Date(f.expires.value).toISOString() : null, responsibleUnits: units,
      status: f.exercise.checked ? 'Exercise' : 'Actual',
    };
    const answer = await call('/api/warnings', { method: 'POST', body });
    if (answer.ok) { location.hash = `#/warnings/${answer.body.id}`; return; }
    showProblem(f, answer.body);
  } },
  h('div', { class: 'form-problem' }),
  field(t('type'), h('select', { name: 'type', 'data-field': 'type' }, h('option', { value: '' }, '—'),
    types.map(ty => h('option', { value: ty.code }, language() === 'en' ? ty.nameEn : ty.nameZh)))),
  field(t('level'), h('select', { name: 'level', 'data-field': 'level' }, h('option', { value: '' }, '—'), levels.map(l => h('option', { value: l }, t(`level.${l}`))))),
  h('fieldset', { 'data-field': 'area.districtCodes' }, h('legend', {}, t('districts')),
    h('label', { class: 'row' }, h('span', { class: 'field-anchor', 'data-field': 'area' }),
      districts.map(([code]) => h('span', { class: 'check' }, h('input', { type: 'checkbox', name: 'district', value: code, id: `d-${code}` }), ' ', h('label', { for: `d-${code}` }, districtName(code)))))),
  field(t('headline'), h('input', { name: 'headline', 'data-field': 'headline' })),
  field(t('description'), h('textarea', { name: 'description', 'data-field': 'description' })),
  field(t('instruction'), h('textarea', { name: 'instruction', 'data-field': 'instruction' })),
  field(t('expiresAt'), h('input', { name: 'expires', type: 'datetime-local', 'data-field': 'expires' })),
  field(t('responsibleUnits'), h('textarea', { name: 'units', 'data-field': 'responsibleUnits', placeholder: t('onePerLine') })),
  h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'exercise', 'data-field': 'status' }), ' ', t('asExercise')),
  h('div', { class: 'row' }, h('button', { type: 'submit' }, t('issue'))));
  root.replaceChildren(h('section', { class: 'panel' }, h('h2', {}, t('navIssue')), form));
  return () => {};
}
