import assert from 'node:assert/strict';
import test from 'node:test';
import { dictionaries, districtName, setLanguage, t, time } from '../wwwroot/js/i18n.js';

test('Chinese and English are both complete', () => {
  assert.deepEqual(Object.keys(dictionaries.en).sort(), Object.keys(dictionaries.zh).sort());
  for (const [lang, words] of Object.entries(dictionaries)) {
    for (const [key, text] of Object.entries(words)) assert.ok(text.trim().length > 0, `${lang}.${key} is empty`);
  }
});

test('words, districts and times follow the language; times are Shanghai time', () => {
  setLanguage('en');
  assert.equal(t('count', { n: 3 }), '3 warnings');
  assert.equal(districtName('310115'), 'Pudong');
  assert.match(time('2026-11-29T02:30:00Z'), /10:30/);
  setLanguage('zh');
  assert.equal(t('level.red'), '红色预警');
  assert.equal(districtName('310115'), '浦东新区');
  assert.equal(districtName('999999'), '999999');
});
