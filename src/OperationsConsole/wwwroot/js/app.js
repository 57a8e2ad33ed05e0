import { completeSignIn, signIn, signOut, signedIn, user } from './auth.js';
import { get } from './dom.js';
import { language, setLanguage, t, translate } from './i18n.js';
import { follow, onConnection } from './live.js';
import { can } from './session.js';
import { hazardsView } from './views/hazardsView.js';
import { issueView } from './views/issueView.js';
import { mapView } from './views/mapView.js';
import { preventionView } from './views/preventionView.js';
import { sheltersView } from './views/sheltersView.js';
import { stockView } from './views/stockView.js';
import { readinessView } from './views/readinessView.js';
import { wallView } from './views/wallView.js';
import { warningView } from './views/warningView.js';

const $ = id => document.getElementById(id);
const context = { types: [] };
let dispose = () => {};

const routes = [
  [/^#\/warnings\/([0-9a-f-]{36})$/, match => root => warningView(root, { id: match[1] })],
  [/^#\/issue$/, () => root => issueView(root, context), 'issue'],
  [/^#\/readiness$/, () => root => readinessView(root, context), 'readiness'],
  [/^#\/hazards$/, () => root => hazardsView(root, context), 'hazards'],
  [/^#\/prevention$/, () => root => preventionView(root, context), 'supervise'],
  [/^#\/map$/, () => root => mapView(root, context), 'readiness'],
  [/^#\/shelters$/, () => root => sheltersView(root, context), 'readiness'],
  [/^#\/stock$/, () => root => stockView(root, context), 'readiness'],
];

function show() {
  if (!signedIn()) return;
  dispose();
  const hash = location.hash || '#/';
  let view = root => wallView(root, context);
  for (const [pattern, make, ability] of routes) {
    const match = pattern.exec(hash);
    if (match && (!ability || can(ability))) view = make(match);
  }
  for (const link of document.querySelectorAll('#nav a')) {
    link.toggleAttribute('aria-current', link.getAttribute('href') === hash);
    if (link.hasAttribute('aria-current')) link.setAttribute('aria-current', 'page');
  }
  dispose = view($('view')) ?? (() => {});
}

function setConnection(state) {
  $('connection').dataset.state = state;
  $('connection').textContent = t(state);
}

function applyLanguage() {
  translate(document);
  $('wallMode').textContent = t(document.body.classList.contains('wall-mode') ? 'leaveWallMode' : 'wallMode');
  if ($('connection').dataset.state) setConnection($('connection').dataset.state);
  show();
}

function wire() {
  $('lang').addEventListener('click', () => {
    setLanguage(language() === 'zh' ? 'en' : 'zh');
    localStorage.setItem('eo.lang', language());
    applyLanguage();
  });
  $('wallMode').addEventListener('click', async () => {
    const on = document.body.classList.toggle('wall-mode');
    $('wallMode').setAttribute('aria-pressed', String(on));
    $('wallMode').textContent = t(on ? 'leaveWallMode' : 'wallMode');
    if (on && document.fullscreenEnabled) await document.documentElement.requestFullscreen().catch(() => {});
    if (!on && document.fullscreenElement) await document.exitFullscreen().catch(() => {});
  });
  $('signIn').addEventListener('click', () => signIn(language()));
  $('signOut').addEventListener('click', () => signOut());
  window.addEventListener('hashchange', show);
  onConnection(setConnection);
}

async function start() {
  setLanguage(localStorage.getItem('eo.lang') ?? 'zh');
  wire();
  translate(document);
  const failure = await completeSignIn().catch(error => error.message);
  if (failure || !signedIn()) {
    $('signedOut').hidden = false;
    if (failure) $('signInProblem').textContent = t('signInFailed', { m: failure });
    return;
  }
  $('nav').hidden = false;
  $('signOut').hidden = false;
  $('user').textContent = user()?.name ?? '';
  for (const link of document.querySelectorAll('#nav a[data-ability]')) link.hidden = !can(link.dataset.ability);
  context.types = await get('/api/warnings/types');
  show();
  await follow('actual');
  // Marks the console ready (signed in, types and live feed loaded): the browser tests wait for it.
  document.body.dataset.ready = 'true';
}

start();
