import { afterEach } from 'vitest';

/** Mounts an element with properties set and waits for its first render. */
export async function mount<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]>): Promise<HTMLElementTagNameMap[K]> {
  const el = document.createElement(tag);
  Object.assign(el, props);
  document.body.append(el);
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
  return el;
}

/** The text of an element's shadow root, whitespace collapsed. */
export const text = (el: Element) => el.shadowRoot!.textContent!.replace(/\s+/g, ' ');

afterEach(() => {
  document.body.innerHTML = '';
});

/**
 * The value of the option a select renders as chosen (its `selected` attribute): happy-dom's
 * `select.value` does not follow that attribute, real browsers do.
 */
export const chosen = (select: HTMLSelectElement) => [...select.options].find((o) => o.hasAttribute('selected'))?.value;

/** The text of an element's shadow root and of every shadow root inside it, whitespace collapsed. */
export function deepText(el: Element): string {
  const walk = (node: Node): string => {
    if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
    const own = (node as Element).shadowRoot ? walk((node as Element).shadowRoot!) : '';
    return own + [...node.childNodes].map(walk).join(' ');
  };
  return walk(el).replace(/\s+/g, ' ');
}
