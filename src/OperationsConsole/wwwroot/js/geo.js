// A plan of Shanghai from data the system ships: each district's seat (approximate, for drawing), never map tiles.
export const seats = {
  310101: [31.2317, 121.4846], 310104: [31.1884, 121.4365], 310105: [31.2204, 121.4241], 310106: [31.2620, 121.4550],
  310107: [31.2495, 121.3970], 310109: [31.2646, 121.5050], 310110: [31.2595, 121.5260], 310112: [31.1130, 121.3817],
  310113: [31.4050, 121.4890], 310114: [31.3747, 121.2650], 310115: [31.1700, 121.6200], 310116: [30.7420, 121.3420],
  310117: [31.0320, 121.2280], 310118: [31.1510, 121.1240], 310120: [30.9180, 121.4740], 310151: [31.6230, 121.3970],
};

const bounds = { north: 31.75, south: 30.65, west: 120.95, east: 121.95 };

/** Projects a latitude/longitude onto a width × height plan (equirectangular, good enough at a city's scale). */
export function project([lat, lon], width = 400, height = 440) {
  const x = ((lon - bounds.west) / (bounds.east - bounds.west)) * width;
  const y = ((bounds.north - lat) / (bounds.north - bounds.south)) * height;
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}

/** A CAP polygon ("lat,lon lat,lon …") as points. */
export function polygonPoints(cap) {
  return (cap ?? '').trim().split(/\s+/).filter(Boolean).map(pair => pair.split(',').map(Number)).filter(p => p.length === 2 && p.every(Number.isFinite));
}

/** A CAP circle ("lat,lon radius-km") as its centre and radius in kilometres, or null. */
export function circle(cap) {
  const match = /^\s*(-?[\d.]+),(-?[\d.]+)\s+([\d.]+)\s*$/.exec(cap ?? '');
  return match ? { centre: [Number(match[1]), Number(match[2])], km: Number(match[3]) } : null;
}

/**
 * The CAP polygon an operator typed, one "lat,lon" per line or separated by spaces, with any spaces around the commas
 * dropped; null when nothing was typed. Whether it is a valid polygon is the service's to say.
 */
export function capPolygon(text) {
  const pairs = (text ?? '').replace(/\s*,\s*/g, ',').trim().split(/\s+/).filter(Boolean);
  return pairs.length ? pairs.join(' ') : null;
}

/** The CAP circle ("lat,lon km") from its three fields as typed; null when all three are empty. */
export function capCircle(lat, lon, km) {
  const parts = [lat, lon, km].map(v => String(v ?? '').trim());
  return parts.some(Boolean) ? `${parts[0]},${parts[1]} ${parts[2]}` : null;
}
