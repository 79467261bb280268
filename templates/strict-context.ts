// Handlebars' strict mode throws on a missing field in {{field}} but not in helper or block
// arguments ({{#if feild}}, {{money totl}}). The load-time check renders sample contexts wrapped
// in this proxy, which throws on any missing field, so such typos are rejected at load too.

/** `value` where reading a field that is not there throws, naming the fields that are. */
export function strictContext<T>(value: T): T {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value;
  return new Proxy(value, {
    get(target, key, receiver) {
      if (typeof key === 'string' && !(key in target)) {
        const fields = Array.isArray(target) ? 'a list' : Object.keys(target).join(', ');
        throw new Error(`unknown field "${key}" (available here: ${fields})`);
      }
      return strictContext(Reflect.get(target, key, receiver));
    },
  });
}
