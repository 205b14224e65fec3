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
