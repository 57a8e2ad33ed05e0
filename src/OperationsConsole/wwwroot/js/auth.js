// Authorization code + PKCE with the identity service, as the public client operations-console. Tokens live in this
// tab's sessionStorage only; the refresh token rotates on every use.
const ClientId = 'operations-console';
const Store = 'eo.tokens';
const Pending = 'eo.signin';

const base64Url = bytes => btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const random = () => base64Url(crypto.getRandomValues(new Uint8Array(32)));
const redirectUri = () => `${location.origin}/console/callback`;

export async function signIn(lang) {
  const verifier = random();
  const state = random();
  const challenge = base64Url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(Pending, JSON.stringify({ verifier, state }));
  const query = new URLSearchParams({
    client_id: ClientId, response_type: 'code', redirect_uri: redirectUri(), scope: 'openid profile roles offline_access',
    code_challenge: challenge, code_challenge_method: 'S256', state, ui_locales: lang === 'en' ? 'en' : 'zh-CN',
  });
  location.assign(`/connect/authorize?${query}`);
}

/** On the redirect back: checks the state, trades the code for tokens, and returns to the console's address. */
export async function completeSignIn() {
  if (location.pathname !== '/console/callback') return null;
  const params = new URLSearchParams(location.search);
  const pending = JSON.parse(sessionStorage.getItem(Pending) ?? 'null');
  sessionStorage.removeItem(Pending);
  history.replaceState(null, '', '/');
  if (params.get('error')) return params.get('error_description') ?? params.get('error');
  if (!pending || params.get('state') !== pending.state || !params.get('code')) return 'state';
  await tokenRequest({ grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(), code_verifier: pending.verifier });
  return null;
}

async function tokenRequest(fields) {
  const response = await fetch('/connect/token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: ClientId, ...fields }),
  });
  if (!response.ok) {
    sessionStorage.removeItem(Store);
    throw new Error(`token endpoint answered ${response.status}`);
  }
  const body = await response.json();
  const tokens = { access: body.access_token, refresh: body.refresh_token ?? null, expiresAt: Date.now() + body.expires_in * 1000 };
  sessionStorage.setItem(Store, JSON.stringify(tokens));
  return tokens;
}

let refreshing = null;

/** A valid access token, refreshed a minute before it expires (one refresh at a time: the old refresh token dies with it). */
export async function accessToken() {
  const tokens = JSON.parse(sessionStorage.getItem(Store) ?? 'null');
  if (!tokens) throw new Error('signed out');
  if (tokens.expiresAt - Date.now() > 60_000 || !tokens.refresh) return tokens.access;
  refreshing ??= tokenRequest({ grant_type: 'refresh_token', refresh_token: tokens.refresh }).finally(() => { refreshing = null; });
  return (await refreshing).access;
}

export function signedIn() { return sessionStorage.getItem(Store) !== null; }

/** Who is signed in, from the access token's claims (shown only; the services check the token). */
export function user() {
  const tokens = JSON.parse(sessionStorage.getItem(Store) ?? 'null');
  if (!tokens) return null;
  const payload = tokens.access.split('.')[1];
  if (!payload) return null;
  const json = decodeURIComponent(Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), c => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''));
  const claims = JSON.parse(json);
  return { name: claims.name ?? claims.sub, role: claims.role };
}

export function signOut() {
  sessionStorage.removeItem(Store);
  location.assign('/');
}
