import assert from 'node:assert/strict';
import test from 'node:test';
import { capCircle, capPolygon, circle, polygonPoints } from '../wwwroot/js/geo.js';

test('a polygon typed one point per line, or with spaces after commas, becomes CAP text the plan can draw', () => {
  const typed = '31.20, 121.40\n31.20,121.50\n  31.30 ,121.50\n31.20,121.40\n';
  assert.equal(capPolygon(typed), '31.20,121.40 31.20,121.50 31.30,121.50 31.20,121.40');
  assert.deepEqual(polygonPoints(capPolygon(typed))[2], [31.3, 121.5]);
  assert.equal(capPolygon('  \n '), null);
});

test('a circle is sent as typed once any of its fields is filled, so the service names what is missing', () => {
  assert.equal(capCircle('31.23', ' 121.47', '5'), '31.23,121.47 5');
  assert.deepEqual(circle(capCircle('31.23', '121.47', '5')), { centre: [31.23, 121.47], km: 5 });
  assert.equal(capCircle('31.23', '', ''), '31.23, ');
  assert.equal(capCircle('', '', ''), null);
});
