import { describe, expect, it } from 'vitest';
import { CancelledError, createClient, UploadError } from '../../src/core/index.js';
import { envelope, failure, fakeFetch, hang } from '../fixtures/fake-server.js';

const base = 'https://app.example.com/api/hidream';
const photo = () => new File([new Uint8Array([1, 2, 3, 4, 5])], 'cat.png', { type: 'image/png' });

describe('client.upload', () => {
  it('gets a ticket, PUTs the bytes with exactly the ticket headers, and returns the download URL', async () => {
    const fetch = fakeFetch((request) => {
      if (request.url.endsWith('/api/v3/media/uploads')) {
        return envelope({
          download_url: 'https://cdn.example.com/u/cat.png',
          upload: { method: 'PUT', url: 'https://storage.example.net/b/cat.png?sig=abc', headers: { 'x-amz-acl': 'private' } },
        });
      }
      return new Response(null, { status: 200 });
    });
    const progress: unknown[] = [];
    const client = createClient({ baseUrl: base, apiKey: 'sk-secret', fetch, headers: { 'X-Tenant': 'acme' } });
    const url = await client.upload(photo(), { onProgress: (p) => progress.push(p) });
    expect(url).toBe('https://cdn.example.com/u/cat.png');
    expect(progress).toEqual([{ loaded: 0, total: 5 }, { loaded: 5, total: 5 }]);

    const [ticket, put] = fetch.requests;
    expect(ticket!.method).toBe('POST');
    expect(await ticket!.json()).toEqual({ filename: 'cat.png', size: 5, content_type: 'image/png' });
    expect(ticket!.headers.get('authorization')).toBe('Bearer sk-secret');
    expect(put!.method).toBe('PUT');
    expect(put!.url).toBe('https://storage.example.net/b/cat.png?sig=abc');
    expect(Object.fromEntries(put!.headers)).toEqual({ 'x-amz-acl': 'private' });
    expect(new Uint8Array(await put!.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4, 5]));
  });

  it('resolves a relative ticket URL against the API and names Blobs by type', async () => {
    const fetch = fakeFetch((request) =>
      request.method === 'POST'
        ? envelope({ download_url: '/api/hidream/api/v3/local/files/x.webp', upload: { url: '/api/hidream/api/v3/local/uploads/tok', headers: {} } })
        : new Response(null, { status: 204 }),
    );
    await createClient({ baseUrl: base, fetch }).upload(new Blob([new Uint8Array(3)], { type: 'image/webp' }));
    expect(await fetch.requests[0]!.json()).toMatchObject({ filename: 'image.webp' });
    expect(fetch.requests[1]!.url).toBe('https://app.example.com/api/hidream/api/v3/local/uploads/tok');
  });

  for (const status of [404, 405]) {
    it(`falls back to the binary upload when the ticket route answers ${status}`, async () => {
      const fetch = fakeFetch((request) =>
        request.url.endsWith('/media/uploads')
          ? failure(status, 'Not here')
          : envelope({ type: 'image', download_url: 'https://cdn.example.com/legacy/cat.png', filename: 'cat.png', size: 5 }),
      );
      const url = await createClient({ baseUrl: base, fetch }).upload(photo(), { filename: 'renamed.png' });
      expect(url).toBe('https://cdn.example.com/legacy/cat.png');
      const binary = fetch.requests[1]!;
      expect(binary.url).toBe(`${base}/api/v3/media/upload/binary`);
      const file = (await binary.formData()).get('file') as File;
      expect(file.name).toBe('renamed.png');
      expect(file.size).toBe(5);
    });
  }

  it('fails with an UploadError when storage refuses the bytes, or the server errors', async () => {
    const refused = fakeFetch((request) =>
      request.method === 'POST' ? envelope({ download_url: 'https://cdn/x', upload: { url: 'https://storage/x', headers: {} } }) : new Response('no', { status: 403 }),
    );
    const error = await createClient({ baseUrl: base, fetch: refused }).upload(photo()).catch((e) => e);
    expect(error).toBeInstanceOf(UploadError);
    expect(error).toMatchObject({ code: 'upload_failed', message: 'Could not upload cat.png: the storage server answered 403' });

    const broken = fakeFetch(() => failure(500, 'Disk full'));
    const second = await createClient({ baseUrl: base, fetch: broken }).upload(photo()).catch((e) => e);
    expect(second).toBeInstanceOf(UploadError);
    expect(second.message).toBe('Could not upload cat.png: Disk full');
    expect(broken.requests).toHaveLength(1);

  });

  it('rejects with CancelledError when aborted', async () => {
    const controller = new AbortController();
    const pending = createClient({ baseUrl: base, fetch: fakeFetch(hang) }).upload(photo(), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(CancelledError);
  });
});
