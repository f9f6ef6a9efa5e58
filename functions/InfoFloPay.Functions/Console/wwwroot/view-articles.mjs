// Troubleshooting articles: the list (what customers see on the portal's Help page) and an editor for staff, with
// the page as customers will read it after saving. Saving sends the ETag the editor was filled from.

import { h, byId, fill, field, formMessage } from './dom.mjs';
import { showFormErrors, clearFormErrors, setFormMessage } from './forms.mjs';
import { formatEastern } from './eastern.mjs';
import { routeHref } from './router.mjs';
import { splitList } from './view-customers.mjs';
import { segment } from './api.mjs';

export function createArticlesView(ctx) {
  async function renderList() {
    const { data } = await ctx.api.get('/articles');
    fill(byId('view'),
      h('div', { class: 'view-head' },
        h('h1', { id: 'view-title', tabIndex: -1 }, 'Articles'),
        h('p', { class: 'hint' }, 'Troubleshooting steps customers find on the portal\'s Help page, by title.')),
      h('p', {}, h('a', { class: 'button', href: routeHref({ view: 'articles', arg: 'new' }) }, 'New article')),
      data.items.length === 0 ? h('p', { class: 'empty' }, 'No articles yet.') : h('ul', { class: 'plain-list articles' }, data.items.map((a) => h('li', { dataset: { slug: a.slug } },
        h('a', { href: routeHref({ view: 'articles', arg: a.slug }) }, a.title),
        h('span', { class: 'meta' }, `${a.tags.join(' · ')}${a.tags.length ? ' · ' : ''}updated ${formatEastern(a.updatedAt)}`)))));
    byId('view-title').focus();
  }

  async function renderEditor(slugArg) {
    const creating = slugArg === 'new';
    let article = { slug: '', title: '', tags: [], body: '', html: '' };
    let etag = null;
    if (!creating) {
      try {
        const answer = await ctx.api.get(`/articles/${segment(slugArg)}`);
        article = answer.data;
        etag = answer.etag;
      } catch (error) {
        if (!error.isNotFound) throw error;
        fill(byId('view'), h('section', { class: 'card' }, h('h1', { id: 'view-title', tabIndex: -1 }, `No article ${slugArg}`),
          h('p', {}, h('a', { href: routeHref({ view: 'articles' }) }, 'Back to articles'))));
        byId('view-title').focus();
        return;
      }
    }

    const slug = h('input', { id: 'article-slug', name: 'slug', type: 'text', value: article.slug, readOnly: !creating, autocomplete: 'off' });
    const title = h('input', { id: 'article-title', name: 'title', type: 'text', value: article.title, autocomplete: 'off' });
    const tags = h('input', { id: 'article-tags', name: 'tags', type: 'text', value: article.tags.join(', '), autocomplete: 'off' });
    const body = h('textarea', { id: 'article-body', name: 'body', rows: 14 });
    body.value = article.body;
    const preview = h('div', { class: 'article-preview', id: 'article-preview' });
    const showPreview = (html) => {
      // The API renders the markdown and sanitizes the HTML; the CSP forbids inline script should anything slip by.
      preview.innerHTML = html ?? '';
      byId('article-preview-section').hidden = !html;
    };

    const form = h('form', { id: 'article-form', class: 'card form-grid', novalidate: true, 'aria-labelledby': 'view-title' },
      h('h1', { id: 'view-title', tabIndex: -1, class: 'wide' }, creating ? 'New article' : article.title),
      field('Slug', slug, { hint: creating ? 'The article\'s address, e.g. refund-status-lookup; it cannot change later.' : null }),
      field('Title', title),
      field('Tags', tags, { hint: 'Separated by commas.', wide: true }),
      field('Body (markdown)', body, { wide: true }),
      formMessage(),
      h('div', { class: 'actions wide' },
        h('button', { type: 'submit' }, creating ? 'Publish article' : 'Save article'),
        h('a', { href: routeHref({ view: 'articles' }) }, 'Back to articles')));
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      clearFormErrors(form);
      const articleSlug = slug.value.trim();
      if (!articleSlug) {
        showFormErrors(form, { errors: { slug: ['Give the article a slug.'] } });
        return;
      }
      try {
        const answer = await ctx.api.put(`/articles/${segment(articleSlug)}`, { title: title.value.trim(), tags: splitList(tags.value), body: body.value }, { etag });
        etag = answer.etag;
        if (creating) {
          ctx.navigate(routeHref({ view: 'articles', arg: articleSlug }));
          ctx.announce(`Article ${answer.data.title} published.`);
          return;
        }
        showPreview(answer.data.html);
        setFormMessage(form, `Saved. Customers see it on the portal's Help page.`, 'ok');
        ctx.announce('Article saved.');
      } catch (error) {
        if (error.isConflict) setFormMessage(form, 'Someone changed this article — reload the page to see their change before saving again.');
        else showFormErrors(form, error);
      }
    });

    fill(byId('view'), form,
      h('section', { class: 'card', id: 'article-preview-section', 'aria-labelledby': 'preview-title', hidden: true },
        h('h2', { id: 'preview-title' }, 'As customers see it'), preview));
    showPreview(article.html);
    byId('view-title').focus();
  }

  return {
    render: (route) => (route.arg ? renderEditor(route.arg) : renderList()),
  };
}
