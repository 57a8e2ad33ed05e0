// The warnings wall's state: the active warnings as the list and the live feed describe them. No DOM here.
const order = { blue: 1, yellow: 2, orange: 3, red: 4 };
const ending = new Set(['warning.lifted', 'warning.cancelled', 'warning.expired']);

export function fromSummary(s) {
  return {
    id: s.id, type: s.type, typeName: s.typeName, level: s.level, headline: s.headline, districtCodes: s.districtCodes ?? [],
    version: s.version, exercise: s.status === 'Exercise', sent: s.publishedAt, expires: s.expires ?? null,
  };
}

export function fromFeed(p) {
  return {
    id: p.warningId, type: p.type, typeName: p.typeName, level: p.level, headline: p.headline, districtCodes: p.districtCodes ?? [],
    version: p.version, exercise: p.exercise, sent: p.sent, expires: p.expires ?? null,
  };
}

export function createWall() {
  const warnings = new Map();
  return {
    /** Adds what the list answered; a version already newer (from the feed) is kept. */
    load(summaries) {
      for (const s of summaries) {
        const w = fromSummary(s);
        const held = warnings.get(w.id);
        if (!held || held.version < w.version) warnings.set(w.id, w);
      }
    },
    /** Applies one feed event; says what changed ('new', 'escalated', 'downgraded', 'updated', 'removed') or null. */
    apply(event, payload) {
      const held = warnings.get(payload.warningId);
      if (held && held.version >= payload.version) return null;
      if (ending.has(event)) {
        return warnings.delete(payload.warningId) ? { id: payload.warningId, change: 'removed' } : null;
      }
      const w = fromFeed(payload);
      warnings.set(w.id, w);
      if (!held) return { id: w.id, change: 'new' };
      const change = order[w.level] > order[held.level] ? 'escalated' : order[w.level] < order[held.level] ? 'downgraded' : 'updated';
      return { id: w.id, change };
    },
    dropExercises() { for (const [id, w] of warnings) if (w.exercise) warnings.delete(id); },
    /** The warnings the filters let through, newest first. */
    visible({ district = '', type = '', level = '', exercises = false } = {}) {
      return [...warnings.values()]
        .filter(w => (exercises || !w.exercise) && (!district || w.districtCodes.includes(district)) && (!type || w.type === type) && (!level || w.level === level))
        .sort((a, b) => (b.sent ?? '').localeCompare(a.sent ?? '') || order[b.level] - order[a.level]);
    },
    get size() { return warnings.size; },
  };
}
