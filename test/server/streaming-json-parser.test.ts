import { describe, expect, it } from 'vitest';
import { JsonSyntaxError, StreamingJsonParser, TruncatedString } from '../../src/server/streaming-json-parser.js';

function parseInPieces(text: string, size: number, options = {}): unknown {
  const parser = new StreamingJsonParser(options);
  for (let i = 0; i < text.length; i += size) parser.write(text.slice(i, i + size));
  return parser.end();
}

const documents = [
  '{"prompt":"make it \\"sepia\\" \\u00e9\\n","images":["https://x/a.png","data:image/png;base64,AAAA"],"size":"1024*1024","seed":-1,"enable_sync_mode":true,"n":null,"x":[1.5e3,-0.25,[],{}]}',
  '  [ 1 , "two" , { "three" : [ true , false ] } ]  ',
  '"just a string"',
  '42',
  '{"__proto__":{"polluted":true}}',
];

describe('StreamingJsonParser', () => {
  it.each(documents)('reads %s like JSON.parse, whatever the piece size', (doc) => {
    for (const size of [1, 2, 3, 7, 64, doc.length]) expect(parseInPieces(doc, size)).toEqual(JSON.parse(doc));
  });

  it('does not let "__proto__" keys change prototypes', () => {
    const value = parseInPieces(documents[4]!, 3) as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    '{"a":1,}',
    '{"a" 1}',
    '[1 2]',
    '{"a":tru}',
    '{"a":"unterminated',
    '{"a":"\\x"}',
    '{"a":"raw\nnewline"}',
    '{"a":1}}',
    '{"a":1} {"b":2}',
    '{"a":01}',
    '',
  ])('refuses %j', (doc) => {
    expect(() => parseInPieces(doc, 2)).toThrow(JsonSyntaxError);
  });

  it('keeps only a prefix of a long string, counting the rest and checking its alphabet', () => {
    const payload = 'QUJD'.repeat(5000);
    const doc = `{"images":["data:image/png;base64,${payload}=="],"bad":"${'A'.repeat(30000)}!"}`;
    const value = parseInPieces(doc, 4096, { keepChars: 1000, minKeepChars: 100 }) as { images: unknown[]; bad: unknown };
    const image = value.images[0] as TruncatedString;
    expect(image).toBeInstanceOf(TruncatedString);
    expect(image.prefix).toHaveLength(1000);
    expect(image.length).toBe('data:image/png;base64,'.length + payload.length + 2);
    expect(image.restIsBase64).toBe(true);
    expect(image.last).toBe('==');
    expect((value.bad as TruncatedString).restIsBase64).toBe(false);
  });

  it('shares a budget of kept characters across strings', () => {
    const doc = JSON.stringify(['a'.repeat(5000), 'b'.repeat(5000), 'c'.repeat(5000)]);
    const value = parseInPieces(doc, 999, { keepChars: 4000, keepBudget: 6000, minKeepChars: 100 }) as TruncatedString[];
    expect(value.map((v) => v.prefix.length)).toEqual([4000, 2000, 100]);
  });

  it('refuses documents that are too deep or have too many values', () => {
    expect(() => parseInPieces('['.repeat(100) + ']'.repeat(100), 10)).toThrow(/too deeply/);
    expect(() => parseInPieces(JSON.stringify(new Array(2000).fill(0)), 100, { maxValues: 1000 })).toThrow(/too many values/);
  });
});
