// Sellers: searchable by name, filtered by plan, newest first, a page at a time.
import {api} from '../api.js';
import {field, fill, h, notice, time} from '../dom.js';
import {planLabel, usage, webhookHealth} from '../widgets.js';

const PAGE_SIZE = 20;

/** The search and the pages seen, kept while the tab is open so that "back" returns to the same page. */
const state = {q: '', plan: '', cursors: []};

export async function sellersPage({main, failed}) {
  const plans = (await api.plans()).data;
  const q = h('input', {id: 'seller-search', type: 'search', name: 'q', value: state.q, maxlength: 200,
    autocomplete: 'off'});
  const plan = h('select', {id: 'plan-filter', name: 'plan'},
      h('option', {value: ''}, 'All plans'),
      plans.map(p => h('option', {value: p.name}, planLabel(p))));
  plan.value = state.plan;
  const results = h('div', {id: 'seller-results', 'aria-live': 'polite'});
  const search = h('form', {class: 'toolbar', role: 'search', 'aria-label': 'Sellers'},
      field('Search by name', q), field('Plan', plan),
      h('div', {class: 'toolbar-actions'},
          h('button', {class: 'button', type: 'submit'}, 'Search')));

  /** Only the latest search may draw its answer: an earlier one can arrive after it. */
  let latest = 0;

  async function show() {
    const asked = ++latest;
    const params = {limit: PAGE_SIZE};
    if (state.q) params.q = state.q;
    if (state.plan) params.plan = state.plan;
    const cursor = state.cursors.at(-1);
    if (cursor) params.starting_after = cursor;
    try {
      const page = await api.sellers(params);
      if (asked === latest) fill(results, table(page.data), pager(page));
    } catch (failure) {
      if (failure.status === 400) fill(results, notice('error', failure.message));
      else failed(failure);
    }
  }

  function pager(page) {
    const previous = h('button', {class: 'button', type: 'button', disabled: state.cursors.length === 0,
      onclick: () => { state.cursors.pop(); show(); }}, '← Newer');
    const next = h('button', {class: 'button', type: 'button', disabled: !page.has_more,
      onclick: () => { state.cursors.push(page.data.at(-1).id); show(); }}, 'Older →');
    return h('nav', {class: 'pager', 'aria-label': 'Pages of sellers'}, previous,
        h('span', {class: 'muted'}, `Page ${state.cursors.length + 1}`), next);
  }

  search.addEventListener('submit', event => {
    event.preventDefault();
    state.q = q.value.trim();
    state.plan = plan.value;
    state.cursors = [];
    show();
  });
  plan.addEventListener('change', () => search.requestSubmit());

  fill(main,
      h('div', {class: 'page-head'},
          h('h1', {tabindex: '-1'}, 'Sellers'),
          h('a', {class: 'button primary', href: '#/onboard'}, 'Onboard a seller')),
      search, results);
  await show();
}

function table(sellers) {
  if (sellers.length === 0) {
    return notice('info', state.q || state.plan ? 'No seller matches this search.' : 'No sellers yet.');
  }
  return h('div', {class: 'table-wrap'}, h('table', {class: 'data responsive', id: 'sellers-table'},
      h('caption', {class: 'visually-hidden'}, 'Sellers, newest first'),
      h('thead', {}, h('tr', {},
          ['Name', 'Plan', 'Customers', 'Keys in use', 'Webhooks', 'Created'].map(title => h('th', {scope: 'col'}, title)))),
      h('tbody', {}, sellers.map(seller => h('tr', {'data-seller-id': seller.id},
          h('th', {scope: 'row', 'data-label': 'Name'},
              h('a', {href: `#/sellers/${seller.id}`, class: 'seller-name'}, seller.name)),
          h('td', {'data-label': 'Plan'}, seller.plan),
          h('td', {'data-label': 'Customers'}, usage(seller)),
          h('td', {'data-label': 'Keys in use', class: 'number'}, String(seller.active_api_keys)),
          h('td', {'data-label': 'Webhooks'}, webhookHealth(seller)),
          h('td', {'data-label': 'Created'}, time(seller.created_at)))))));
}
