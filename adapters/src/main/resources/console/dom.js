// Building the page: every value from the API goes in as text (a text node, a property or an attribute),
// never as HTML, so a seller named <img src=x onerror=alert(1)> shows exactly those characters.

/** An element: h('a', {href: '#/x', class: 'link'}, 'text', child, ...). Strings become text nodes. */
export function h(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else if (name === 'value' || name === 'checked' || name === 'disabled') element[name] = value;
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces what an element holds. */
export function fill(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A message for the reader: 'info', 'success' or 'error' (which screen readers announce at once). */
export function notice(kind, ...text) {
  return h('p', {class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status'}, ...text);
}

/** A label with its control, as one block. */
export function field(label, control, hint) {
  const id = control.id || (control.id = `f-${Math.random().toString(36).slice(2, 9)}`);
  const hintId = hint ? `${id}-hint` : null;
  if (hintId) control.setAttribute('aria-describedby', hintId);
  return h('div', {class: 'field'}, h('label', {for: id}, label), control,
      hint ? h('p', {class: 'hint', id: hintId}, hint) : null);
}

const dateTime = new Intl.DateTimeFormat(undefined, {dateStyle: 'medium', timeStyle: 'short'});
const number = new Intl.NumberFormat();

export function when(iso) {
  return iso ? dateTime.format(new Date(iso)) : '—';
}

export function count(n) {
  return number.format(n);
}

/** A <time> with the exact instant as its machine-readable value and tooltip. */
export function time(iso) {
  return iso ? h('time', {datetime: iso, title: iso}, when(iso)) : h('span', {class: 'muted'}, '—');
}

/** Asks before something that cannot be undone; resolves true on "Confirm". */
export function confirmAction(title, text, confirmLabel) {
  const dialog = document.getElementById('confirm');
  fill(document.getElementById('confirm-title'), title);
  fill(document.getElementById('confirm-text'), text);
  fill(document.getElementById('confirm-ok'), confirmLabel);
  dialog.returnValue = '';
  dialog.showModal();
  document.getElementById('confirm-cancel').focus();
  return new Promise(resolve => dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'),
      {once: true}));
}
