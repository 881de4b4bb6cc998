/** An absolute `http:` or `https:` URL with no whitespace (what a webhook or upstream may be). */
export const isHttpUrl = (value: unknown): value is string => typeof value === 'string' && /^https?:\/\/\S+$/i.test(value) && URL.canParse(value);
