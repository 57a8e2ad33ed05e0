import assert from 'node:assert/strict';
import test from 'node:test';
import { createWall } from '../wwwroot/js/wall.js';

const payload = (id, version, level, extra = {}) => ({
  warningId: id, version, level, type: 'typhoon', typeName: '台风', headline: `h${version}`, districtCodes: ['310115'],
  exercise: false, sent: `2026-11-29T10:0${version}:00+08:00`, expires: null, ...extra,
});

test('a new warning is new, a higher level escalates, a lower one downgrades, an end removes', () => {
  const wall = createWall();
  assert.deepEqual(wall.apply('warning.issued', payload('a', 1, 'yellow')), { id: 'a', change: 'new' });
  assert.deepEqual(wall.apply('warning.updated', payload('a', 2, 'red')), { id: 'a', change: 'escalated' });
  assert.deepEqual(wall.apply('warning.updated', payload('a', 3, 'orange')), { id: 'a', change: 'downgraded' });
  assert.deepEqual(wall.apply('warning.updated', payload('a', 4, 'orange')), { id: 'a', change: 'updated' });
  assert.equal(wall.visible()[0].level, 'orange');
  assert.deepEqual(wall.apply('warning.lifted', payload('a', 5, 'orange')), { id: 'a', change: 'removed' });
  assert.equal(wall.size, 0);
});

test('an event older than what is held changes nothing, whether it came from the list or the feed', () => {
  const wall = createWall();
  wall.load([{ id: 'a', type: 'typhoon', typeName: '台风', status: 'Actual', level: 'red', headline: 'list', districtCodes: [], version: 3, publishedAt: 'x' }]);
  assert.equal(wall.apply('warning.updated', payload('a', 2, 'blue')), null);
  assert.equal(wall.apply('warning.lifted', payload('a', 3, 'red')), null);
  assert.equal(wall.visible()[0].headline, 'list');
  wall.apply('warning.updated', payload('b', 5, 'blue'));
  wall.load([{ id: 'b', type: 'typhoon', typeName: '台风', status: 'Actual', level: 'red', headline: 'stale', districtCodes: [], version: 4 }]);
  assert.equal(wall.visible().find(w => w.id === 'b').headline, 'h5');
});

test('filters narrow by district, type and level; exercises show only when asked; newest first', () => {
  const wall = createWall();
  wall.apply('warning.issued', payload('a', 1, 'blue', { districtCodes: ['310101'] }));
  wall.apply('warning.issued', payload('b', 2, 'red', { type: 'rainstorm' }));
  wall.apply('warning.issued', payload('c', 3, 'red', { exercise: true }));
  assert.deepEqual(wall.visible().map(w => w.id), ['b', 'a']);
  assert.deepEqual(wall.visible({ exercises: true }).map(w => w.id), ['c', 'b', 'a']);
  assert.deepEqual(wall.visible({ district: '310101' }).map(w => w.id), ['a']);
  assert.deepEqual(wall.visible({ type: 'rainstorm' }).map(w => w.id), ['b']);
  assert.deepEqual(wall.visible({ level: 'red', exercises: true }).map(w => w.id), ['c', 'b']);
  wall.dropExercises();
  assert.equal(wall.size, 2);
});
