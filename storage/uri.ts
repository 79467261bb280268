/** The host list of a MongoDB connection string without scheme, credentials, path or options, e.g. "db1:27017,db2:27017". */
export function mongoHosts(uri: string): string {
  const afterScheme = uri.replace(/^[a-z+]+:\/\//i, '');
  const authority = afterScheme.split(/[/?]/, 1)[0] ?? '';
  const at = authority.lastIndexOf('@');
  return at === -1 ? authority : authority.slice(at + 1);
}

/** The credentials part of a connection string ("user:password"), or undefined; used to scrub messages. */
export function mongoCredentials(uri: string): string | undefined {
  const authority = uri.replace(/^[a-z+]+:\/\//i, '').split(/[/?]/, 1)[0] ?? '';
  const at = authority.lastIndexOf('@');
  return at === -1 ? undefined : authority.slice(0, at);
}

/** Removes every occurrence of the URI's credentials (raw and URL-decoded parts) from a text. */
export function scrubCredentials(text: string, uri: string): string {
  const credentials = mongoCredentials(uri);
  if (!credentials) return text;
  const secrets = new Set<string>([credentials, ...credentials.split(':')]);
  for (const s of [...secrets]) secrets.add(safeDecode(s));
  let out = text;
  for (const secret of [...secrets].filter((s) => s.length > 0).sort((a, b) => b.length - a.length)) {
    out = out.split(secret).join('***');
  }
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch (e) {
    // A malformed %-escape cannot be decoded; the raw form is still scrubbed.
    if (e instanceof URIError) return s;
    throw e;
  }
}
