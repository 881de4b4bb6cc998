import { describe, expect, it } from 'vitest';
import { parseServeArgs, UsageError } from '../../src/cli/parse-serve-args.js';

describe('parseServeArgs', () => {
  it('has the documented defaults', () => {
    expect(parseServeArgs([])).toEqual({ port: 8787, host: '127.0.0.1', corsOrigins: [] });
  });

  it('reads every flag, as "--flag value" or "--flag=value"', () => {
    expect(
      parseServeArgs([
        '--port', '9000', '--host=0.0.0.0', '--upstream', 'https://api.example.com/base', '--max-body=1048576',
        '--cors-origin', 'https://a.example/path', '--cors-origin=http://localhost:6006', '--latency', '250', '--fail-rate=0.25',
        '--webhook', 'http://127.0.0.1:3000/hooks/hidream', '--submit-limit=30',
      ]),
    ).toEqual({
      port: 9000,
      host: '0.0.0.0',
      upstream: 'https://api.example.com/base',
      maxBodyBytes: 1048576,
      corsOrigins: ['https://a.example', 'http://localhost:6006'],
      latency: 250,
      failRate: 0.25,
      webhook: 'http://127.0.0.1:3000/hooks/hidream',
      submitLimit: 30,
    });
  });

  it.each([
    [['--port', 'abc'], /--port must be a whole number/],
    [['--port', '70000'], /--port must be a whole number between 0 and 65535/],
    [['--port'], /--port needs a value/],
    [['--port', '--host'], /--port needs a value/],
    [['--upstream', 'ftp://x'], /--upstream must be an http\(s\) URL/],
    [['--upstream', 'not a url'], /--upstream must be an http\(s\) URL/],
    [['--submit-limit', '0'], /--submit-limit must be a whole number between 1 and 1000000/],
    [['--webhook', 'javascript:alert(1)'], /--webhook must be an http\(s\) URL/],
    [['--fail-rate', '1.5'], /--fail-rate must be a number between 0 and 1/],
    [['--max-body', '-1'], /--max-body must be a whole number/],
    [['--cors-origin', 'nope'], /--cors-origin must be an origin/],
    [['--verbose'], /Unknown option "--verbose"/],
    [['8080'], /Unknown option "8080"/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseServeArgs(argv)).toThrow(UsageError);
    expect(() => parseServeArgs(argv)).toThrow(message);
  });
});
