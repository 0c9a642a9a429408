// Onboarding: a name and a plan, then straight on to the seller's first key.
import {api} from '../api.js';
import {field, fill, h, notice} from '../dom.js';
import {planLabel} from '../widgets.js';

export async function onboardPage({main, failed}) {
  const plans = (await api.plans()).data;
  const name = h('input', {id: 'seller-name', name: 'name', required: true, maxlength: 200, autocomplete: 'off'});
  const plan = h('select', {id: 'seller-plan', name: 'plan'},
      plans.map(p => h('option', {value: p.name, selected: p.default}, planLabel(p))));
  const status = h('div', {});
  const form = h('form', {class: 'card narrow', id: 'onboard', novalidate: true},
      h('h1', {tabindex: '-1'}, 'Onboard a seller'),
      field('Seller name', name, 'As the seller calls itself; operators search by it.'),
      field('Plan', plan, 'The plan sets how many customers the seller may register.'),
      status,
      h('div', {class: 'actions'},
          h('a', {class: 'button', href: '#/sellers'}, 'Cancel'),
          h('button', {class: 'button primary', type: 'submit'}, 'Create seller')));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    if (!name.value.trim()) {
      fill(status, notice('error', 'Enter the seller’s name.'));
      name.focus();
      return;
    }
    try {
      const seller = await api.registerSeller(name.value.trim(), plan.value);
      location.hash = `#/sellers/${seller.id}/first-key`;
    } catch (failure) {
      if (failure.status === 400) fill(status, notice('error', failure.message));
      else failed(failure);
    }
  });
  fill(main, form);
}
