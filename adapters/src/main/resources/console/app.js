// The operator console: a page per route in the address's fragment (#/sellers, #/sellers/<id>, #/onboard,
// #/projections), drawn from the operator API. Nothing about any seller is asked for before sign-in.
import {ApiError, call, session} from './api.js';
import {field, fill, h, notice} from './dom.js';
import {onboardPage} from './pages/onboard.js';
import {projectionsPage} from './pages/projections.js';
import {sellerPage} from './pages/seller.js';
import {sellersPage} from './pages/sellers.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const signOutButton = document.getElementById('sign-out');

const routes = [
  [/^#\/sellers$/, () => sellersPage],
  [/^#\/sellers\/([0-9a-fA-F-]{36})$/, match => context => sellerPage(context, match[1], false)],
  [/^#\/sellers\/([0-9a-fA-F-]{36})\/first-key$/, match => context => sellerPage(context, match[1], true)],
  [/^#\/onboard$/, () => onboardPage],
  [/^#\/projections$/, () => projectionsPage],
];

/** Stops what the page left running (a replay's progress polling) when another page is drawn. */
let leaving = () => {};

function signIn(message) {
  session.signOut();
  nav.hidden = true;
  signOutButton.hidden = true;
  const token = h('input', {id: 'token', name: 'token', type: 'password', autocomplete: 'current-password',
    required: true, spellcheck: 'false'});
  const status = h('div', {id: 'sign-in-status'}, message ? notice('error', message) : null);
  const form = h('form', {class: 'card narrow', id: 'sign-in', novalidate: true},
      h('h1', {tabindex: '-1'}, 'Sign in'),
      h('p', {class: 'muted'}, 'Use the operator token: ', h('code', {}, 'ADMIN_TOKEN'),
          ', or the one the service printed at start. It is kept for this browser tab only.'),
      // For password managers, which expect a user name beside a password; there is only the one operator.
      h('input', {type: 'text', name: 'username', autocomplete: 'username', value: 'operator', hidden: true,
        tabindex: '-1', 'aria-hidden': 'true'}),
      field('Operator token', token),
      status,
      h('div', {class: 'actions'}, h('button', {class: 'button primary', type: 'submit'}, 'Sign in')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!token.value) {
      fill(status, notice('error', 'Enter the operator token.'));
      token.focus();
      return;
    }
    try {
      await call('GET', '/admin/plans', undefined, token.value);
      session.signIn(token.value);
      token.value = '';
      if (location.hash.startsWith('#/') && location.hash !== '#/') route();
      else location.hash = '#/sellers';
    } catch (failure) {
      const refused = failure instanceof ApiError && failure.status === 401;
      fill(status, notice('error', refused
          ? 'That token was refused: it is not the operator token.'
          : `Signing in failed: ${failure.message}`));
      token.select();
      token.focus();
    }
  });
  fill(main, form);
  token.focus();
}

async function route() {
  leaving();
  leaving = () => {};
  if (!session.token()) {
    signIn();
    return;
  }
  nav.hidden = false;
  signOutButton.hidden = false;
  const hash = location.hash;
  for (const [pattern, page] of routes) {
    const match = hash.match(pattern);
    if (match) {
      const section = hash.split('/')[1];
      for (const link of nav.querySelectorAll('a')) {
        if (link.dataset.section === section) link.setAttribute('aria-current', 'page');
        else link.removeAttribute('aria-current');
      }
      const context = {main, onLeave: stop => { leaving = stop; }, failed};
      try {
        fill(main, h('p', {class: 'muted loading'}, 'Loading…'));
        await page(match)(context);
        main.querySelector('h1')?.focus();
      } catch (failure) {
        failed(failure);
      }
      return;
    }
  }
  location.replace('#/sellers');
}

/** A refused token ends the session; anything else is shown where the page was. */
function failed(failure) {
  if (failure instanceof ApiError && failure.status === 401) {
    signIn('The operator token was refused. Sign in again.');
    return;
  }
  fill(main, h('h1', {tabindex: '-1'}, 'Something went wrong'),
      notice('error', failure instanceof ApiError ? `${failure.error}: ${failure.message}` : String(failure)),
      h('p', {}, h('a', {href: '#/sellers'}, 'Back to the sellers')));
  main.querySelector('h1').focus();
}

signOutButton.addEventListener('click', () => {
  leaving();
  session.signOut();
  history.replaceState(null, '', location.pathname);
  signIn();
});
window.addEventListener('hashchange', route);
route();
