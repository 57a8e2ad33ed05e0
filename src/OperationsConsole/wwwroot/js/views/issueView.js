import { call, h, showProblem } from '../dom.js';
import { capCircle, capPolygon } from '../geo.js';
import { districtName, districts, language, levels, t } from '../i18n.js';
import { plan } from '../plan.js';

/** The area as the form holds it: districts ticked, a CAP polygon and a circle, each null when left empty. */
function areaOf(f) {
  return {
    districtCodes: [...f.querySelectorAll('input[name=district]:checked')].map(c => c.value),
    polygon: capPolygon(f.polygon.value), circle: capCircle(f.circleLat.value, f.circleLon.value, f.circleKm.value),
  };
}

/**
 * Issues a warning. The form sends what was typed, as typed: the service's problem details decide what is wrong, and each
 * message is shown beside its field (the API and the form never disagree about the rules).
 */
export function issueView(root, { types }) {
  const field = (label, control) => h('label', {}, label, control);
  // What the area will look like, redrawn as the operator ticks districts or types a shape.
  const preview = h('div', { id: 'areaPreview' });
  const redraw = f => preview.replaceChildren(plan(areaOf(f), t('area')));
  const form = h('form', { id: 'issueForm', class: 'form', novalidate: true, oninput: e => redraw(e.currentTarget), onsubmit: async e => {
    e.preventDefault();
    const f = e.target;
    const units = f.units.value.split(/\n/).map(u => u.trim()).filter(Boolean);
    const body = {
      type: f.type.value || null, level: f.level.value || null, area: areaOf(f),
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
    h('span', { class: 'field-anchor', 'data-field': 'area' }),
    h('div', { class: 'checks' }, districts.map(([code]) => h('span', { class: 'check' },
      h('input', { type: 'checkbox', name: 'district', value: code, id: `d-${code}` }), h('label', { for: `d-${code}` }, districtName(code)))))),
  h('fieldset', {}, h('legend', {}, t('shape')),
    field(t('polygon'), h('textarea', { name: 'polygon', 'data-field': 'area.polygon', placeholder: t('polygonHint'), spellcheck: 'false' })),
    h('label', {}, t('circle'), h('span', { class: 'row' },
      h('input', { name: 'circleLat', 'data-field': 'area.circle', inputmode: 'decimal', 'aria-label': t('centreLat'), placeholder: t('centreLat'), class: 'coordinate' }),
      h('input', { name: 'circleLon', inputmode: 'decimal', 'aria-label': t('centreLon'), placeholder: t('centreLon'), class: 'coordinate' }),
      h('input', { name: 'circleKm', inputmode: 'decimal', 'aria-label': t('radiusKm'), placeholder: t('radiusKm'), class: 'coordinate' })))),
  preview,
  field(t('headline'), h('input', { name: 'headline', 'data-field': 'headline' })),
  field(t('description'), h('textarea', { name: 'description', 'data-field': 'description' })),
  field(t('instruction'), h('textarea', { name: 'instruction', 'data-field': 'instruction' })),
  field(t('expiresAt'), h('input', { name: 'expires', type: 'datetime-local', 'data-field': 'expires' })),
  field(t('responsibleUnits'), h('textarea', { name: 'units', 'data-field': 'responsibleUnits', placeholder: t('onePerLine') })),
  h('label', { class: 'check' }, h('input', { type: 'checkbox', name: 'exercise', 'data-field': 'status' }), ' ', t('asExercise')),
  h('div', { class: 'row' }, h('button', { type: 'submit' }, t('issue'))));
  redraw(form);
  root.replaceChildren(h('section', { class: 'panel' }, h('h2', {}, t('navIssue')), form));
  return () => {};
}
