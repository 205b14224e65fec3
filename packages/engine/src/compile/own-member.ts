/**
 * True when every object has a property of this name through its prototype (`toString`,
 * `valueOf`, `constructor`, `__proto__`, ...): reading `object[name]` would find it where the
 * object has no member of the name. A pack-given name (an input fact, a criterion, a parameter, a
 * decision, a plugin's fact or operator) is read as an own member only when it is one of these,
 * so other names keep their plain (fast) read.
 */
export function inheritedName(name: string): boolean {
  return name in Object.prototype;
}

/** `object[name]` when the object has its own member of that name, else undefined. */
export function ownMember<T>(object: Readonly<Record<string, T>> | undefined | null, name: string): T | undefined {
  return object !== undefined && object !== null && Object.hasOwn(object, name) ? object[name] : undefined;
}
