// A small element builder. Text from the API is always set as text (never parsed as HTML); the one exception is an
// article's body, which the API renders from markdown and sanitizes, and the page's CSP forbids inline script anyway.

const PROPERTIES = new Set(['id', 'className', 'htmlFor', 'type', 'name', 'value', 'href', 'hidden', 'disabled', 'checked',
  'selected', 'rows', 'readOnly', 'required', 'title', 'tabIndex', 'placeholder', 'autocomplete', 'open', 'min', 'max', 'maxLength']);

/** h('a', { href: '#/sla', class: 'x', onclick: fn, 'aria-current': 'page' }, 'text', child, [more]) */
export function h(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') node.className = value;
    else if (key === 'for') node.htmlFor = value;
    else if (key === 'dataset') Object.assign(node.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') node.addEventListener(key.slice(2), value);
    else if (PROPERTIES.has(key)) node[key] = value;
    else node.setAttribute(key, value === true ? '' : String(value));
  }
  append(node, children);
  return node;
}

function append(node, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(node, child);
    else node.append(child instanceof Node ? child : String(child));
  }
}

export const byId = (id) => document.getElementById(id);

/** Replaces the children of `node`. */
export function fill(node, ...children) {
  node.replaceChildren();
  append(node, children);
  return node;
}

/** A labelled field: the label, the control, an optional hint and the slot the API's error for it goes in. */
export function field(label, control, { hint, wide = false } = {}) {
  const describedBy = [hint ? `${control.id}-hint` : null, `${control.id}-error`].filter(Boolean).join(' ');
  control.setAttribute('aria-describedby', describedBy);
  return h('div', { class: wide ? 'field wide' : 'field' },
    h('label', { for: control.id }, label),
    control,
    hint ? h('p', { class: 'hint', id: `${control.id}-hint` }, hint) : null,
    h('p', { class: 'field-error', id: `${control.id}-error` }));
}

/** A <select> with `[value, label]` options and `selected` chosen. */
export function select(id, name, options, selected) {
  return h('select', { id, name }, options.map(([value, label]) => h('option', { value, selected: value === (selected ?? '') }, label)));
}

/** The message area a form's non-field errors and confirmations go in. */
export const formMessage = () => h('p', { class: 'form-message', role: 'alert', tabIndex: -1, hidden: true });

/** Focuses the element with `id` again after a re-render replaced it (keeps the agent's place). */
export function refocus(id, { preventScroll = true } = {}) {
  const target = id ? document.getElementById(id) : null;
  if (target && document.activeElement !== target) target.focus({ preventScroll });
}

export function badge(kind, value, text = value) {
  return h('span', { class: `badge ${kind}-${value}` }, text);
}
