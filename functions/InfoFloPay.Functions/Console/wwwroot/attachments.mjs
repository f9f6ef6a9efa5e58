// The ticket's files in the workspace: each one a download link, and a form to attach another. A refused upload (too
// large 413, a type not allowed 415, empty 400) is said beside the file field.

import { h, field, formMessage } from './dom.mjs';
import { clearFormErrors, setFieldError } from './forms.mjs';
import { segment } from './api.mjs';
import { formatEastern } from './eastern.mjs';

export const sizeText = (bytes) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / (1024 * 1024)).toFixed(1)} MB`);

/** The list and the upload form for the ticket at `path` (e.g. "/tickets/IFP-1"); `onAdded` hears of a new file. */
export function attachmentPanel({ api, root, path, items, closed, now, onAdded }) {
  const list = items.length
    ? h('ul', { class: 'attachments', id: 'ws-attachment-list' }, items.map((a) => h('li', { dataset: { attachmentId: a.id } },
      downloadLink(api, root, path, a),
      h('span', { class: 'hint' }, ` ${sizeText(a.size)} · ${formatEastern(a.uploadedAt, { now, short: true })}`))))
    : h('p', { class: 'hint', id: 'ws-attachment-list' }, 'No files attached.');
  if (closed) return [list];

  const input = h('input', { type: 'file', id: 'attach-file', name: 'file' });
  const form = h('form', { id: 'attach-form', novalidate: true },
    field('Attach a file', input, { hint: 'Images, PDF, ZIP, gzip, plain text, CSV or JSON. The customer sees it on their ticket.' }),
    formMessage(),
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'attach-submit' }, 'Upload file')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearFormErrors(form);
    const file = input.files[0];
    if (!file) {
      setFieldError(input, 'Choose a file first.');
      input.focus();
      return;
    }
    const button = form.querySelector('button');
    button.disabled = true;
    try {
      const data = new FormData();
      data.append('file', file, file.name);
      await api.post(`${path}/attachments`, data);
      await onAdded(`${file.name} attached.`);
    } catch (error) {
      button.disabled = false;
      setFieldError(input, error.message);
      input.focus();
    }
  });
  return [list, form];
}

function downloadLink(api, root, path, attachment) {
  const href = `${root}${path}/attachments/${segment(attachment.id)}`;
  return h('a', {
    href,
    download: attachment.fileName,
    onclick: async (event) => {
      // Fetched with the API's headers and handed to the browser as a download, so it works with the local sign-in too.
      event.preventDefault();
      const link = event.currentTarget;
      try {
        const url = URL.createObjectURL(await api.blob(`${path}/attachments/${segment(attachment.id)}`));
        const save = h('a', { href: url, download: attachment.fileName, hidden: true });
        document.body.append(save);
        save.click();
        save.remove();
        setTimeout(() => URL.revokeObjectURL(url), 60000);
      } catch (error) {
        link.setAttribute('title', error.message);
      }
    },
  }, attachment.fileName);
}
