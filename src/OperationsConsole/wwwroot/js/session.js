import { user } from './auth.js';

// What the signed-in user's role may do in the console; the services decide for real, this only offers the right buttons.
const abilities = {
  'duty-officer': ['issue', 'signOff', 'respond', 'readiness', 'hazards', 'operateShelters'],
  'district-operator': ['respond', 'readiness', 'operateShelters'],
  regulator: ['readiness', 'hazards', 'anomalies', 'supervise'],
  admin: ['readiness', 'hazards', 'anomalies', 'supervise'],
};

export function role() { return user()?.role ?? null; }

export function can(action) { return (abilities[role()] ?? []).includes(action); }
