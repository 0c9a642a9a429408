// One seller: its details, its plan, its keys (generate, revoke, delete) and its latest events.
import {api} from '../api.js';
import {confirmAction, count, field, fill, h, notice, time} from '../dom.js';
import {keyBadge, keyState, planLabel, usage, webhookHealth} from '../widgets.js';

const EVENTS_SHOWN = 20;

export async function sellerPage({main, failed}, id, firstKey) {
  const [seller, {data: plans}] = await Promise.all([api.seller(id), api.plans()]);
  const details = h('section', {class: 'card', 'aria-labelledby': 'details-title'});
  const planSection = h('section', {class: 'card', 'aria-labelledby': 'plan-title'});
  const keysSection = h('section', {class: 'card wide', 'aria-labelledby': 'keys-title'});
  const eventsSection = h('section', {class: 'card wide', 'aria-labelledby': 'events-title'});

  /** Runs an action; a refusal the operator can act on is shown beside it, anything else as a failure. */
  async function attempt(status, action) {
    try {
      return await action();
    } catch (failure) {
      if (failure.status === 400 || failure.status === 404 || failure.status === 409) {
        fill(status, notice('error', failure.message));
        return undefined;
      }
      failed(failure);
      return undefined;
    }
  }

  function showDetails(current) {
    fill(details,
        h('h2', {id: 'details-title'}, 'Details'),
        h('dl', {class: 'facts'},
            h('dt', {}, 'Seller id'), h('dd', {}, h('code', {id: 'seller-id'}, current.id)),
            h('dt', {}, 'Plan'), h('dd', {id: 'seller-plan-now'}, current.plan),
            h('dt', {}, 'Customers'), h('dd', {id: 'seller-usage'}, usage(current)),
            h('dt', {}, 'Keys in use'), h('dd', {id: 'seller-keys-in-use'}, String(current.active_api_keys)),
            h('dt', {}, 'Webhooks'), h('dd', {}, webhookHealth(current)),
            h('dt', {}, 'Created'), h('dd', {}, time(current.created_at)),
            h('dt', {}, 'Last changed'), h('dd', {}, time(current.updated_at))));
  }

  function showPlan(current) {
    const choice = h('select', {id: 'new-plan', name: 'plan'},
        plans.map(p => h('option', {value: p.name, selected: p.name === current.plan}, planLabel(p))));
    const meaning = h('p', {id: 'plan-meaning', class: 'hint', 'aria-live': 'polite'});
    const status = h('div', {});
    const explain = () => fill(meaning, whatThePlanMeans(current, plans.find(p => p.name === choice.value)));
    choice.addEventListener('change', explain);
    explain();
    const form = h('form', {id: 'change-plan'},
        field('New plan', choice), meaning, status,
        h('div', {class: 'actions'}, h('button', {class: 'button primary', type: 'submit'}, 'Change plan')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (choice.value === current.plan) {
        fill(status, notice('info', `${current.name} is already on ${current.plan}.`));
        return;
      }
      const changed = await attempt(status, () => api.changePlan(current.id, choice.value));
      if (changed) {
        showDetails(changed);
        showPlan(changed);
        planSection.querySelector('form').append(notice('success', `Plan changed to ${changed.plan}.`));
      }
    });
    fill(planSection, h('h2', {id: 'plan-title'}, 'Plan'), form);
  }

  async function showKeys(issued) {
    const keys = (await api.keys(id)).data;
    const status = h('div', {id: 'keys-status'});
    const list = keys.length === 0
        ? notice('info', 'This seller has no keys: it cannot call the API until one is generated.')
        : h('div', {class: 'table-wrap'}, h('table', {class: 'data responsive', id: 'keys-table'},
            h('caption', {class: 'visually-hidden'}, 'API keys, oldest first'),
            h('thead', {}, h('tr', {}, ['Name', 'Prefix', 'Created', 'Expires', 'Last used', 'State', 'Actions']
                .map(title => h('th', {scope: 'col'}, title)))),
            h('tbody', {}, keys.map(key => keyRow(key, status)))));
    fill(keysSection, h('div', {class: 'section-head'}, h('h2', {id: 'keys-title'}, 'API keys')),
        issued ? shownOnce(issued) : null, status, list, generateForm());
  }

  function keyRow(key, status) {
    const state = keyState(key);
    const label = key.name ? `key “${key.name}” (${key.prefix}…)` : `key ${key.prefix}…`;
    const revoke = h('button', {class: 'button small', type: 'button', 'data-action': 'revoke',
      'aria-label': `Revoke ${label}`}, 'Revoke');
    const remove = h('button', {class: 'button small danger', type: 'button', 'data-action': 'delete',
      'aria-label': `Delete ${label}`}, 'Delete');
    revoke.addEventListener('click', async () => {
      if (!await confirmAction('Revoke this key?', `Requests with ${label} are refused from the next one on. ` +
          'The key stays listed as revoked.', 'Revoke key')) return;
      if (await attempt(status, () => api.revokeKey(key.id))) await refresh(notice('success', `Revoked ${label}.`));
    });
    remove.addEventListener('click', async () => {
      if (!await confirmAction('Delete this key?', `${label} is removed for good; requests with it are refused ` +
          'as an unknown key. Its history stays in the seller’s events.', 'Delete key')) return;
      if (await attempt(status, () => api.deleteKey(key.id)) !== undefined) {
        await refresh(notice('success', `Deleted ${label}.`));
      }
    });
    return h('tr', {'data-key-id': key.id, 'data-state': state},
        h('th', {scope: 'row', 'data-label': 'Name'}, key.name ?? h('span', {class: 'muted'}, 'unnamed')),
        h('td', {'data-label': 'Prefix'}, h('code', {}, `${key.prefix}…`)),
        h('td', {'data-label': 'Created'}, time(key.created_at)),
        h('td', {'data-label': 'Expires'}, key.expires_at ? time(key.expires_at) : h('span', {class: 'muted'}, 'never')),
        h('td', {'data-label': 'Last used'}, key.last_used_at ? time(key.last_used_at)
            : h('span', {class: 'muted'}, 'never')),
        h('td', {'data-label': 'State'}, keyBadge(state)),
        h('td', {'data-label': 'Actions', class: 'row-actions'},
            h('div', {class: 'buttons'}, state === 'revoked' ? null : revoke, remove)));
  }

  /** The full key, once, as the hosted dashboard shows it: with a copy button and a warning. */
  function shownOnce(issued) {
    const value = h('input', {id: 'new-key', type: 'text', readonly: true, value: issued.key, spellcheck: 'false',
      class: 'secret'});
    const copied = h('span', {class: 'muted', role: 'status'});
    const copy = h('button', {class: 'button primary', type: 'button', id: 'copy-key'}, 'Copy');
    copy.addEventListener('click', async () => {
      value.select();
      try {
        await navigator.clipboard.writeText(issued.key);
        fill(copied, 'Copied.');
      } catch {
        fill(copied, 'Selected: press Ctrl+C (⌘C) to copy.');
      }
    });
    const done = h('button', {class: 'button', type: 'button'}, 'I have stored it');
    const panel = h('div', {class: 'once', id: 'key-once', role: 'region', 'aria-labelledby': 'once-title'},
        h('h3', {id: 'once-title'}, `New key${issued.name ? ` “${issued.name}”` : ''}`),
        h('p', {class: 'warning'}, h('strong', {}, 'Copy this key now. '),
            'It will not be shown again: the service keeps only its hash.'),
        field('API key', value),
        h('div', {class: 'actions'}, copy, done, copied));
    done.addEventListener('click', () => {
      panel.remove();
      keysSection.querySelector('#key-name')?.focus();
    });
    return panel;
  }

  function generateForm() {
    const name = h('input', {id: 'key-name', name: 'name', required: true, maxlength: 100, autocomplete: 'off'});
    const expires = h('input', {id: 'key-expires', name: 'expires_at', type: 'datetime-local'});
    const status = h('div', {});
    const form = h('form', {id: 'generate-key', class: 'subform', novalidate: true},
        h('h3', {}, 'Generate a key'),
        h('div', {class: 'row'},
            field('Key name', name, 'What it is for, e.g. production.'),
            field('Expires (optional)', expires, 'Your local time. Leave empty for a key that does not expire.')),
        status,
        h('div', {class: 'actions'}, h('button', {class: 'button primary', type: 'submit'}, 'Generate key')));
    form.addEventListener('submit', async event => {
      event.preventDefault();
      if (!name.value.trim()) {
        fill(status, notice('error', 'Give the key a name.'));
        name.focus();
        return;
      }
      const body = {name: name.value.trim()};
      if (expires.value) body.expires_at = new Date(expires.value).toISOString();
      const issued = await attempt(status, () => api.issueKey(id, body));
      if (issued) {
        await showKeys(issued);
        showDetails(await api.seller(id));
        keysSection.querySelector('#new-key').focus();
      }
    });
    return form;
  }

  /** The latest customer events first, with who caused each; "Older" pages back in time. */
  async function showActivity() {
    const status = h('div', {});
    const body = h('div', {});
    fill(eventsSection, h('h2', {id: 'events-title'}, 'Latest events'),
        h('p', {class: 'hint'}, 'What happened to the seller’s customers, newest first, and who did it.'),
        status, body);
    const cursors = [];
    async function page() {
      const params = {limit: EVENTS_SHOWN};
      if (cursors.at(-1)) params.starting_after = cursors.at(-1);
      const events = await attempt(status, () => api.activity(id, params));
      if (!events) return;
      if (events.data.length === 0 && cursors.length === 0) {
        fill(body, notice('info', 'No customer events yet.'));
        return;
      }
      fill(body, h('div', {class: 'table-wrap'}, h('table', {class: 'data responsive', id: 'events-table'},
          h('caption', {class: 'visually-hidden'}, 'Latest events, newest first'),
          h('thead', {}, h('tr', {}, ['When', 'What', 'Customer', 'Who'].map(title => h('th', {scope: 'col'}, title)))),
          h('tbody', {}, events.data.map(event => h('tr', {'data-event-id': event.id},
              h('td', {'data-label': 'When'}, time(event.created_at)),
              h('td', {'data-label': 'What'}, h('span', {class: 'event-type'}, event.type)),
              h('td', {'data-label': 'Customer'}, customerLabel(event.data.customer)),
              h('td', {'data-label': 'Who'}, actorLabel(event.actor))))))),
          h('nav', {class: 'pager', 'aria-label': 'Pages of events'},
              h('button', {class: 'button', type: 'button', disabled: cursors.length === 0,
                onclick: () => { cursors.pop(); page(); }}, '← Newer'),
              h('button', {class: 'button', type: 'button', disabled: !events.has_more,
                onclick: () => { cursors.push(events.data.at(-1).id); page(); }}, 'Older →')));
    }
    await page();
  }

  async function refresh(message) {
    await showKeys();
    if (message) keysSection.querySelector('#keys-status').append(message);
    const current = await api.seller(id);
    showDetails(current);
    showPlan(current);
    await showActivity();
  }

  showDetails(seller);
  showPlan(seller);
  await showKeys();
  fill(main,
      h('nav', {class: 'crumbs', 'aria-label': 'Breadcrumb'}, h('a', {href: '#/sellers'}, 'Sellers'), ' / '),
      h('div', {class: 'page-head'}, h('h1', {tabindex: '-1', id: 'seller-title'}, seller.name),
          h('button', {class: 'button', type: 'button', id: 'refresh-seller',
            onclick: async () => refresh()}, 'Refresh')),
      firstKey ? notice('success', `${seller.name} is onboarded. Generate its first key below.`) : null,
      h('div', {class: 'grid'}, details, planSection, keysSection, eventsSection));
  await showActivity();
  if (firstKey) {
    requestAnimationFrame(() => keysSection.querySelector('#key-name').focus());
  }
}

function actorLabel(actor) {
  switch (actor.type) {
    case 'api_key': return h('span', {}, 'API key ', h('code', {}, `${actor.api_key_prefix}…`));
    case 'operator': return 'An operator';
    default: return 'The service';
  }
}

function customerLabel(customer) {
  // A customer has an email until its personal data is erased; then every one of its events shows it so.
  if (customer.email === null) {
    return h('span', {class: 'muted'}, `Customer ${customer.id} (personal data erased)`);
  }
  const name = `${customer.first_name} ${customer.last_name}`.trim();
  return h('span', {}, name, ' ', h('span', {class: 'muted'}, `<${customer.email}>`));
}

/** What moving to a plan would mean for the seller, given its customers now. */
function whatThePlanMeans(seller, plan) {
  if (!plan) return '';
  const have = seller.customer_count;
  if (plan.customer_limit === null) {
    return `On ${plan.name} there is no limit: ${seller.name} keeps its ${count(have)} customers and may register ` +
        'any number more.';
  }
  const limit = plan.customer_limit;
  if (have < limit) {
    return `On ${plan.name}, ${seller.name} may have ${count(limit)} customers: it has ${count(have)}, so ` +
        `${count(limit - have)} more can register.`;
  }
  if (have === limit) {
    return `On ${plan.name}, ${seller.name} would be exactly at its limit of ${count(limit)}: every new ` +
        'registration is refused until a customer is deleted.';
  }
  return `${seller.name} has ${count(have)} customers, ${count(have - limit)} more than ${plan.name} allows ` +
      `(${count(limit)}). It keeps them all, but new registrations are refused until it is below the limit.`;
}
