// Keyboard shortcuts. One table says which key does what where; resolveShortcut is the pure decision (tested), and
// installShortcuts wires it to the document. Single letters never fire while the agent is typing.

export const SHORTCUTS = [
  { keys: ['j'], action: 'next', where: 'queue, ticket', description: 'Next ticket' },
  { keys: ['k'], action: 'previous', where: 'queue, ticket', description: 'Previous ticket' },
  { keys: ['r'], action: 'reply', where: 'ticket', description: 'Write a public reply' },
  { keys: ['i'], action: 'internal', where: 'ticket', description: 'Write an internal note' },
  { keys: ['Ctrl+Enter', '⌘+Enter'], action: 'send', where: 'reply box', description: 'Send the reply or note' },
  { keys: ['Escape'], action: 'leave', where: 'reply box', description: 'Leave the reply box (the draft stays)' },
  { keys: ['u'], action: 'up', where: 'ticket', description: 'Back to the queue' },
  { keys: ['/'], action: 'search', where: 'anywhere', description: 'Search by ticket id or subject' },
  { keys: ['?'], action: 'help', where: 'anywhere', description: 'Show these shortcuts' },
];

const LETTERS = { j: 'next', k: 'previous', r: 'reply', i: 'internal', u: 'up', '/': 'search', '?': 'help' };

/** True when keys typed into `target` are text, not commands. */
export function isTyping(target) {
  if (!target) return false;
  const tag = (target.tagName ?? '').toLowerCase();
  if (tag === 'textarea' || tag === 'select' || target.isContentEditable) return true;
  if (tag !== 'input') return false;
  return !['checkbox', 'radio', 'button', 'submit', 'reset'].includes((target.type ?? 'text').toLowerCase());
}

/** The action a key press asks for, or null. */
export function resolveShortcut(event) {
  const { key, ctrlKey, metaKey, altKey, target } = event;
  if ((ctrlKey || metaKey) && key === 'Enter') return 'send';
  if (key === 'Escape' && isTyping(target)) return 'leave';
  if (ctrlKey || metaKey || altKey || isTyping(target)) return null;
  return LETTERS[key] ?? null;
}

/** Calls `handlers[action](event)`; a handler that returns false leaves the key to the browser. */
export function installShortcuts(doc, handlers) {
  const listener = (event) => {
    if (event.defaultPrevented || event.isComposing) return;
    const action = resolveShortcut(event);
    const handler = action && handlers[action];
    if (handler && handler(event) !== false) event.preventDefault();
  };
  doc.addEventListener('keydown', listener);
  return () => doc.removeEventListener('keydown', listener);
}
