// The customer registry: every account with its SLA tier, and (for managers) an editor for an account's name, tier,
// email domains and members. Saving sends the ETag the form was filled from, so two managers never overwrite each
// other; the API's errors appear next to the fields they name.

import { h, byId, fill, field, select, formMessage, badge } from './dom.mjs';
import { showFormErrors, clearFormErrors, setFormMessage } from './forms.mjs';
import { routeHref } from './router.mjs';
import { segment } from './api.mjs';

const TIERS = [['essentials', 'Essentials'], ['reserve', 'Reserve'], ['vip', 'VIP']];

/** "a, b\nc" → ["a", "b", "c"]: lists typed one per line or separated by commas. */
export const splitList = (text) => String(text ?? '').split(/[\n,]/).map((s) => s.trim()).filter(Boolean);

export function createCustomersView(ctx) {
  const manager = ctx.me.role === 'manager';

  async function renderList() {
    const customers = [...(await ctx.loadCustomers()).values()].sort((a, b) => a.name.localeCompare(b.name));
    fill(byId('view'),
      h('div', { class: 'view-head' },
        h('h1', { id: 'view-title', tabIndex: -1 }, 'Customers'),
        h('p', { class: 'hint' }, 'Accounts, their SLA tier, and who belongs to them (by member email or email domain).')),
      manager ? h('p', {}, h('a', { class: 'button', href: routeHref({ view: 'customers', arg: 'new' }) }, 'New account')) : null,
      customers.length === 0 ? h('p', { class: 'empty' }, 'No customer accounts yet.') : h('div', { class: 'table-wrap' }, h('table', { class: 'data' },
        h('caption', { class: 'visually-hidden' }, 'Customer accounts'),
        h('thead', {}, h('tr', {}, ['Account', 'SLA tier', 'Email domains', 'Members'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, customers.map((c) => h('tr', { dataset: { customer: c.id } },
          h('th', { scope: 'row' }, h('a', { href: routeHref({ view: 'customers', arg: c.id }) }, c.name), h('span', { class: 'target-url' }, c.id)),
          h('td', {}, badge('tier', c.tier)),
          h('td', {}, c.emailDomains.join(', ') || '—'),
          h('td', {}, c.members.join(', ') || '—')))))));
    byId('view-title').focus();
  }

  async function renderEditor(id) {
    const creating = id === 'new';
    let account = { id: '', name: '', tier: 'essentials', emailDomains: [], members: [] };
    let etag = null;
    if (!creating) {
      try {
        const answer = await ctx.api.get(`/customers/${segment(id)}`);
        account = answer.data;
        etag = answer.etag;
      } catch (error) {
        if (!error.isNotFound) throw error;
        fill(byId('view'), h('section', { class: 'card' }, h('h1', { id: 'view-title', tabIndex: -1 }, `No account ${id}`),
          h('p', {}, h('a', { href: routeHref({ view: 'customers' }) }, 'Back to customers'))));
        byId('view-title').focus();
        return;
      }
    }

    const idInput = h('input', { id: 'customer-id', name: 'id', type: 'text', value: account.id, readOnly: !creating, autocomplete: 'off' });
    const name = h('input', { id: 'customer-name', name: 'name', type: 'text', value: account.name, autocomplete: 'off' });
    const tier = select('customer-tier', 'tier', TIERS, account.tier);
    const domains = h('textarea', { id: 'customer-domains', name: 'emailDomains', rows: 2 });
    domains.value = account.emailDomains.join('\n');
    const members = h('textarea', { id: 'customer-members', name: 'members', rows: 3 });
    members.value = account.members.join('\n');
    const controls = [idInput, name, tier, domains, members];
    if (!manager) controls.forEach((c) => { c.disabled = true; });

    const form = h('form', { id: 'customer-form', class: 'card form-grid', novalidate: true, 'aria-labelledby': 'view-title' },
      h('h1', { id: 'view-title', tabIndex: -1, class: 'wide' }, creating ? 'New account' : account.name),
      manager ? null : h('p', { class: 'note wide' }, 'Only support managers change customer accounts.'),
      field('Account id', idInput, { hint: creating ? 'Lower-case letters, digits and dashes; it cannot change later.' : null }),
      field('Name', name),
      field('SLA tier', tier, { hint: 'Sets the response and resolution targets of the account\'s tickets.' }),
      field('Email domains', domains, { hint: 'One per line: everyone at these domains belongs to the account.' }),
      field('Members', members, { hint: 'One email per line, for people outside those domains.', wide: true }),
      formMessage(),
      h('div', { class: 'actions wide' },
        manager ? h('button', { type: 'submit' }, creating ? 'Create account' : 'Save account') : null,
        h('a', { href: routeHref({ view: 'customers' }) }, 'Back to customers')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(form);
      const accountId = idInput.value.trim();
      if (!accountId) {
        showFormErrors(form, { errors: { id: ['Give the account an id.'] } });
        return;
      }
      try {
        const answer = await ctx.api.put(`/customers/${segment(accountId)}`,
          { name: name.value.trim(), tier: tier.value, emailDomains: splitList(domains.value), members: splitList(members.value) },
          { etag });
        etag = answer.etag;
        ctx.customers.set(answer.data.id, answer.data);
        if (creating) {
          ctx.navigate(routeHref({ view: 'customers', arg: answer.data.id }));
          ctx.announce(`Account ${answer.data.name} created.`);
          return;
        }
        setFormMessage(form, `Saved ${answer.data.name}.`, 'ok');
        ctx.announce(`Saved ${answer.data.name}.`);
      } catch (error) {
        if (error.isConflict) setFormMessage(form, 'Someone changed this account — reload the page to see their change before saving again.');
        else showFormErrors(form, error);
      }
    });
    fill(byId('view'), form);
    byId('view-title').focus();
  }

  return {
    render: (route) => (route.arg ? renderEditor(route.arg) : renderList()),
  };
}
