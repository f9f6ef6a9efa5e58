// The API's validation errors, shown next to the fields they name. A form's fields are found by their `name`; an
// error for a field the form does not have (or no errors at all) goes to the form's own message area instead.

/** The name of the form field an API error key refers to: "members[2]" → "members", "requester.email" → "requester". */
export function fieldOf(key) {
  return String(key).split(/[.[]/)[0];
}

/** Splits an ApiError's errors into those the form can show beside a field and a message for the rest. */
export function placeErrors(error, fieldNames) {
  const known = new Set(fieldNames);
  const byField = {};
  const elsewhere = [];
  for (const [key, messages] of Object.entries(error?.errors ?? {})) {
    const field = fieldOf(key);
    if (known.has(field)) byField[field] = [...(byField[field] ?? []), ...messages];
    else elsewhere.push(...messages);
  }
  const message = Object.keys(byField).length > 0
    ? (elsewhere.length ? elsewhere.join(' ') : 'Please correct the highlighted fields.')
    : (elsewhere.length ? elsewhere.join(' ') : error?.message ?? 'Something went wrong.');
  return { byField, message };
}

/** Shows `error` on `form`: beside each named field (its `#<id>-error` element) and in the form's `.form-message`. */
export function showFormErrors(form, error) {
  clearFormErrors(form);
  const fields = [...form.elements].filter((element) => element.name);
  const { byField, message } = placeErrors(error, fields.map((element) => element.name));
  let first = null;
  for (const [name, messages] of Object.entries(byField)) {
    const input = fields.find((element) => element.name === name);
    setFieldError(input, messages.join(' '));
    first ??= input;
  }
  setFormMessage(form, message);
  (first ?? form.querySelector('.form-message'))?.focus?.();
}

export function setFieldError(input, message) {
  if (!input) return;
  const slot = input.ownerDocument.getElementById(`${input.id}-error`);
  if (slot) slot.textContent = message;
  if (message) input.setAttribute('aria-invalid', 'true');
  else input.removeAttribute('aria-invalid');
}

export function setFormMessage(form, message, kind = 'error') {
  const slot = form.querySelector('.form-message');
  if (!slot) return;
  slot.textContent = message ?? '';
  slot.dataset.kind = kind;
  slot.hidden = !message;
}

export function clearFormErrors(form) {
  for (const element of form.elements) {
    if (element.id) setFieldError(element, '');
  }
  setFormMessage(form, '');
}
