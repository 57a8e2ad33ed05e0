import { user } from './auth.js';

// What the signed-in user's role may do in the console; the services decide for real, this only offers the right buttons.
const abilities = {
  'duty-officer': ['issue', 'signOff', 'respond', 'readiness', 'hazards'],
  'district-operator': ['respond', 'readiness'],
  regulator: ['readiness', 'hazards'],
  admin: ['readiness', 'hazards'],
};

export function role() { return user()?.role ?? null; }

export function can(action) { return (abilities[role()] ?? []).includes(action); }
