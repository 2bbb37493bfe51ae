/** RFC 6901 JSON pointers: the one way every stage names a place in a schema. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function escapeToken(token: string): string {
  // Most keys need no escaping; the test is cheaper than two replaces.
  return token.includes('~') || token.includes('/') ? token.replace(/~/g, '~0').replace(/\//g, '~1') : token;
}

export function unescapeToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, ...tokens: (string | number)[]): string {
  return base + tokens.map((t) => '/' + escapeToken(String(t))).join('');
}

/** Resolves a pointer such as `/$defs/image`; undefined when any step is missing. */
export function resolvePointer(document: Json, pointer: string): Json | undefined {
  if (pointer === '' || pointer === '/') return pointer === '' ? document : undefined;
  if (!pointer.startsWith('/')) return undefined;
  let current: Json | undefined = document;
  for (const raw of pointer.slice(1).split('/')) {
    // Most tokens are plain names: nothing to decode or unescape.
    const token = raw.includes('%') || raw.includes('~') ? unescapeToken(decodeURIComponent(raw)) : raw;
    if (Array.isArray(current)) current = current[Number(token)];
    else if (isObject(current)) current = Object.prototype.hasOwnProperty.call(current, token) ? current[token] : undefined;
    else return undefined;
    if (current === undefined) return undefined;
  }
  return current;
}

/** Visits every object node with its pointer, parents before children. */
export function walkObjects(node: Json, visit: (value: JsonObject, pointer: string) => void, pointer = ''): void {
  // Pointers are made only for what holds objects: most values of a schema are strings.
  if (Array.isArray(node)) {
    node.forEach((item, index) => {
      if (typeof item === 'object' && item !== null) walkObjects(item, visit, `${pointer}/${index}`);
    });
  } else if (isObject(node)) {
    visit(node, pointer);
    for (const key in node) {
      const child = node[key];
      if (typeof child === 'object' && child !== null) walkObjects(child, visit, `${pointer}/${escapeToken(key)}`);
    }
  }
}
