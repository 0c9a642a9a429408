// Pieces the pages share: how full a seller's plan is, how its webhooks fare, what state a key is in.
import {count, h} from './dom.js';

/** From this share of its limit on, a seller's usage is highlighted. */
export const NEARLY_FULL = 0.8;

/** customers / limit as a bar; an unlimited plan has no bar. */
export function usage(seller) {
  const limit = seller.customer_limit;
  const label = limit === null
      ? `${count(seller.customer_count)} customers, unlimited plan`
      : `${count(seller.customer_count)} of ${count(limit)} customers`;
  if (limit === null) {
    return h('div', {class: 'usage', 'data-usage': seller.customer_count},
        h('span', {class: 'usage-text'}, `${count(seller.customer_count)} / unlimited`),
        h('span', {class: 'visually-hidden'}, label));
  }
  const share = limit === 0 ? 1 : seller.customer_count / limit;
  const level = share >= 1 ? 'full' : share >= NEARLY_FULL ? 'high' : 'ok';
  return h('div', {class: `usage ${level}`, 'data-usage': seller.customer_count},
      h('progress', {max: Math.max(limit, 1), value: Math.min(seller.customer_count, Math.max(limit, 1)),
        'aria-label': label}),
      h('span', {class: 'usage-text'}, `${count(seller.customer_count)} / ${count(limit)}`));
}

/** Failing and dead webhook deliveries, or that there are none. */
export function webhookHealth(seller) {
  const failing = seller.failing_webhook_deliveries;
  const dead = seller.dead_webhook_deliveries;
  if (failing === 0 && dead === 0) {
    return h('span', {class: 'badge good'}, 'Healthy');
  }
  return h('span', {class: 'badges'},
      failing > 0 ? h('span', {class: 'badge warn'}, `${count(failing)} failing`) : null,
      dead > 0 ? h('span', {class: 'badge bad'}, `${count(dead)} dead`) : null);
}

/** 'revoked', 'expired' or 'active'. */
export function keyState(key, now = Date.now()) {
  if (key.revoked_at) return 'revoked';
  if (key.expires_at && Date.parse(key.expires_at) <= now) return 'expired';
  return 'active';
}

export function keyBadge(state) {
  const kind = {active: 'good', expired: 'warn', revoked: 'bad'}[state];
  return h('span', {class: `badge ${kind}`}, state[0].toUpperCase() + state.slice(1));
}

/** The plan's name with its limit, as the plan menus show it. */
export function planLabel(plan) {
  return plan.customer_limit === null
      ? `${plan.name} · unlimited customers`
      : `${plan.name} · up to ${count(plan.customer_limit)} customers`;
}
