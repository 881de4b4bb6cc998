/**
 * A string too long to keep whole: its first `prefix.length` characters, its real length, whether every
 * character after the prefix is in the base64 alphabet (or ASCII whitespace, which `atob` skips), and its last two characters (for padding).
 */
export class TruncatedString {
  constructor(
    readonly prefix: string,
    readonly length: number,
    readonly restIsBase64: boolean,
    readonly last: string,
  ) {}
}

/** The body is not valid JSON, or is too deep or too large to inspect. */
export class JsonSyntaxError extends Error {
  override name = 'JsonSyntaxError';
}

export interface StreamingJsonParserOptions {
  /**
   * Characters kept of one string; the rest is counted and checked, not kept.
   * @default 1048576
   */
  keepChars?: number;
  /**
   * Characters kept over all strings; once spent, each string keeps `minKeepChars`.
   * @default 16777216
   */
  keepBudget?: number;
  /** @default 4096 */
  minKeepChars?: number;
  /**
   * Values (strings, numbers, objects...) allowed in one document.
   * @default 100000
   */
  maxValues?: number;
  /** @default 64 */
  maxDepth?: number;
}

type Frame =
  | { kind: 'object'; value: Record<string, unknown>; key: string; expect: 'keyOrEnd' | 'key' | 'colon' | 'value' | 'commaOrEnd' }
  | { kind: 'array'; value: unknown[]; expect: 'valueOrEnd' | 'value' | 'commaOrEnd' };

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const ATOM_CHAR = /[0-9a-zA-Z+\-.]/;
const NOT_BASE64 = /[^A-Za-z0-9+/=\t\n\f\r ]/;
const CONTROL = /[\u0000-\u001f]/;
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

/**
 * An incremental JSON parser fed text in pieces. It builds the document like `JSON.parse`, except that long
 * strings become `TruncatedString`s, so a body of hundreds of megabytes (base64 images) is checked while it
 * streams past and only a bounded part of it is kept.
 */
export class StreamingJsonParser {
  private readonly keepChars: number;
  private readonly minKeepChars: number;
  private readonly maxValues: number;
  private readonly maxDepth: number;
  private budget: number;
  private readonly stack: Frame[] = [];
  private root: unknown;
  private done = false;
  private values = 0;
  private mode: 'between' | 'string' | 'atom' = 'between';
  private atom = '';
  // the string being read
  private isKey = false;
  private parts: string[] = [];
  private kept = 0;
  private keep = 0;
  private total = 0;
  private restIsBase64 = true;
  private last = '';
  private escape = '';

  constructor(options: StreamingJsonParserOptions = {}) {
    this.keepChars = options.keepChars ?? 1024 * 1024;
    this.budget = options.keepBudget ?? 16 * 1024 * 1024;
    this.minKeepChars = options.minKeepChars ?? 4096;
    this.maxValues = options.maxValues ?? 100_000;
    this.maxDepth = options.maxDepth ?? 64;
  }

  /** Feeds the next piece of text. Throws `JsonSyntaxError` as soon as the text cannot be JSON. */
  write(text: string): void {
    let i = 0;
    while (i < text.length) {
      if (this.mode === 'string') i = this.readString(text, i);
      else if (this.mode === 'atom') i = this.readAtom(text, i);
      else i = this.readToken(text, i);
    }
  }

  /** Ends the document and returns its value. Throws `JsonSyntaxError` when it is incomplete. */
  end(): unknown {
    if (this.mode === 'atom') this.finishAtom();
    if (this.mode === 'string' || !this.done) throw new JsonSyntaxError('The JSON body ended too early.');
    return this.root;
  }

  private fail(message: string): never {
    throw new JsonSyntaxError(message);
  }

  private readToken(text: string, i: number): number {
    const c = text[i] as string;
    if (WHITESPACE.has(c)) return i + 1;
    if (this.done) this.fail('The JSON body has more after its end.');
    const frame = this.stack[this.stack.length - 1];
    const expect = frame?.expect ?? 'value';
    if (expect === 'colon') {
      if (c !== ':') this.fail(`Expected ":" in the JSON body, found "${c}".`);
      (frame as Frame).expect = 'value';
      return i + 1;
    }
    if (expect === 'commaOrEnd') {
      if (c === ',') {
        (frame as Frame).expect = frame?.kind === 'object' ? 'key' : 'value';
        return i + 1;
      }
      if ((c === '}' && frame?.kind === 'object') || (c === ']' && frame?.kind === 'array')) return this.close(i);
      this.fail(`Expected "," or the end of ${frame?.kind === 'object' ? 'an object' : 'an array'}, found "${c}".`);
    }
    if (expect === 'keyOrEnd' || expect === 'key') {
      if (c === '}' && expect === 'keyOrEnd') return this.close(i);
      if (c !== '"') this.fail(`Expected a property name in the JSON body, found "${c}".`);
      this.startString(true);
      return i + 1;
    }
    // a value (or the end of an empty array)
    if (c === ']' && expect === 'valueOrEnd') return this.close(i);
    if (c === '"') {
      this.startString(false);
      return i + 1;
    }
    if (c === '{' || c === '[') {
      if (this.stack.length >= this.maxDepth) this.fail('The JSON body is nested too deeply.');
      this.count();
      this.stack.push(
        c === '{'
          ? { kind: 'object', value: {}, key: '', expect: 'keyOrEnd' }
          : { kind: 'array', value: [], expect: 'valueOrEnd' },
      );
      return i + 1;
    }
    if (c === '-' || (c >= '0' && c <= '9') || c === 't' || c === 'f' || c === 'n') {
      this.mode = 'atom';
      this.atom = '';
      return i;
    }
    this.fail(`Unexpected "${c}" in the JSON body.`);
  }

  private close(i: number): number {
    const frame = this.stack.pop() as Frame;
    this.deliver(frame.value);
    return i + 1;
  }

  private count(): void {
    if (++this.values > this.maxValues) this.fail('The JSON body has too many values.');
  }

  private deliver(value: unknown): void {
    const frame = this.stack[this.stack.length - 1];
    if (!frame) {
      this.root = value;
      this.done = true;
    } else if (frame.kind === 'array') {
      frame.value.push(value);
      frame.expect = 'commaOrEnd';
    } else {
      Object.defineProperty(frame.value, frame.key, { value, writable: true, enumerable: true, configurable: true });
      frame.expect = 'commaOrEnd';
    }
  }

  private readAtom(text: string, i: number): number {
    let j = i;
    while (j < text.length && ATOM_CHAR.test(text[j] as string)) j++;
    this.atom += text.slice(i, j);
    if (this.atom.length > 512) this.fail('A number in the JSON body is too long.');
    if (j < text.length) this.finishAtom();
    return j;
  }

  private finishAtom(): void {
    let value: unknown;
    try {
      value = JSON.parse(this.atom);
    } catch {
      this.fail(`"${this.atom.slice(0, 32)}" is not a JSON value.`);
    }
    this.mode = 'between';
    this.count();
    this.deliver(value);
  }

  private startString(isKey: boolean): void {
    if (!isKey) this.count();
    this.mode = 'string';
    this.isKey = isKey;
    this.parts = [];
    this.kept = 0;
    this.total = 0;
    this.restIsBase64 = true;
    this.last = '';
    this.escape = '';
    this.keep = Math.max(this.minKeepChars, Math.min(this.keepChars, this.budget));
  }

  private append(segment: string): void {
    if (segment.length === 0) return;
    this.total += segment.length;
    const room = this.keep - this.kept;
    if (room > 0) {
      const piece = segment.length <= room ? segment : segment.slice(0, room);
      this.parts.push(piece);
      this.kept += piece.length;
      this.budget -= piece.length;
    }
    if (segment.length > room && this.restIsBase64) {
      this.restIsBase64 = !NOT_BASE64.test(room > 0 ? segment.slice(room) : segment);
    }
    this.last = (this.last + segment.slice(-2)).slice(-2);
  }

  private readString(text: string, i: number): number {
    while (i < text.length && this.escape !== '') {
      const c = text[i++] as string;
      if (this.escape === '\\') {
        if (c === 'u') this.escape = 'u';
        else if (c in ESCAPES) {
          this.escape = '';
          this.append(ESCAPES[c] as string);
        } else this.fail(`"\\${c}" is not a JSON escape.`);
      } else {
        if (!/[0-9a-fA-F]/.test(c)) this.fail('A "\\u" escape in the JSON body is not hexadecimal.');
        this.escape += c;
        if (this.escape.length === 5) {
          this.append(String.fromCharCode(parseInt(this.escape.slice(1), 16)));
          this.escape = '';
        }
      }
    }
    if (i >= text.length) return i;
    const quote = text.indexOf('"', i);
    const backslash = text.indexOf('\\', i);
    const stop = quote < 0 ? backslash : backslash < 0 ? quote : Math.min(quote, backslash);
    const segment = text.slice(i, stop < 0 ? text.length : stop);
    if (CONTROL.test(segment)) this.fail('A string in the JSON body contains a raw control character.');
    this.append(segment);
    if (stop < 0) return text.length;
    if (stop === backslash) {
      this.escape = '\\';
      return stop + 1;
    }
    this.finishString();
    return stop + 1;
  }

  private finishString(): void {
    this.mode = 'between';
    const prefix = this.parts.join('');
    this.parts = [];
    if (this.isKey) {
      const frame = this.stack[this.stack.length - 1] as Frame & { kind: 'object' };
      frame.key = prefix;
      frame.expect = 'colon';
      return;
    }
    this.deliver(this.total > this.kept ? new TruncatedString(prefix, this.total, this.restIsBase64, this.last) : prefix);
  }
}
