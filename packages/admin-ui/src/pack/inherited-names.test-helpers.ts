/**
 * Names every object answers through its prototype: a plain `object[name]` finds a member
 * (`Object.prototype.toString`, the `Object` constructor, the prototype itself) where a pack has
 * none of that name. Tests use them as a parameter, decision, scale, flag or fact name to show
 * the UI reads the pack's own members only.
 */
export const INHERITED_NAMES = ['toString', 'constructor', '__proto__', 'valueOf', 'hasOwnProperty'] as const;

/** Words that show an inherited member was read: a function's source, or a label of nothing. */
export const INHERITED_READ = /native code|function|undefined|\[object Object\]/;
