import { MAX_IMAGE_BYTES } from '../core/constants.js';
import { validateImageBytes } from '../core/index.js';
import type { EngineContext, RequestScope } from './engine-context.js';
import { fail, ok } from './envelope.js';
import { ExpiringStore } from './expiring-store.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { TASK_CODES } from './task-failure.js';

const TYPES: Record<string, string> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', webp: 'image/webp' };
const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/jpg': 'jpg', 'image/webp': 'webp' };
/** Names of files the engine serves: an id and an extension, nothing that could traverse. */
export const FILE_NAME_PATTERN = /^[A-Za-z0-9_-]{1,128}\.[a-z0-9]{2,5}$/;
const TICKET_TTL = 15 * 60 * 1000;

interface Ticket {
  name: string;
  size: number;
  contentType: string;
  filename: string;
}

function mimeOfName(filename: string): string | undefined {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? undefined : TYPES[filename.slice(dot + 1).toLowerCase()];
}

const bareType = (value: string | null) => (value ?? '').split(';')[0]!.trim().toLowerCase();

/** `/api/v3/local/files/{name}` for `base`. */
export function fileUrl(base: string, name: string): string {
  return `${base}/api/v3/local/files/${name}`;
}

function invalid(message: string): Response {
  return fail(400, message, { errorCode: TASK_CODES.invalidParameter });
}

function tooLarge(limit: number): Response {
  return fail(413, `The file is larger than the ${Math.round(limit / 1024 / 1024)} MB limit.`, { errorCode: TASK_CODES.invalidParameter });
}

/** The upload routes: ticket, PUT, legacy multipart, and serving files. */
export function createUploadRoutes(context: EngineContext) {
  const tickets = new ExpiringStore<Ticket>({ ttl: Math.min(TICKET_TTL, context.options.ttl), maxEntries: context.options.maxEntries });

  function storeImage(bytes: Uint8Array, name?: string): { name: string; contentType: string } | Response {
    const { info, errors } = validateImageBytes(bytes, 'file');
    if (errors.length > 0 || !info) return invalid(errors[0]?.message ?? 'The file is not a PNG, JPEG or WebP image.');
    const contentType = info.format === 'jpeg' ? 'image/jpeg' : `image/${info.format}`;
    const stored = name ?? `${context.newId()}.${info.format === 'jpeg' ? 'jpg' : info.format}`;
    context.files.set(stored, { bytes, contentType, createdAt: Date.now() });
    return { name: stored, contentType };
  }

  /** POST /api/v3/media/uploads `{filename, size, content_type?}`. */
  async function ticket(scope: RequestScope): Promise<Response> {
    let body: unknown;
    try {
      body = await scope.request.json();
    } catch {
      return invalid('The request body must be JSON: {"filename", "size", "content_type"}.');
    }
    const { filename, size, content_type: declared } = (body ?? {}) as Record<string, unknown>;
    if (typeof filename !== 'string' || filename.trim() === '' || filename.length > 255) {
      return invalid('filename is required: the name of the file to upload.');
    }
    if (typeof size !== 'number' || !Number.isInteger(size) || size <= 0) {
      return invalid('size is required: the file size in bytes, a positive integer.');
    }
    if (size > MAX_IMAGE_BYTES) return tooLarge(MAX_IMAGE_BYTES);
    if (declared !== undefined && (typeof declared !== 'string' || !EXTENSIONS[bareType(declared)])) {
      return invalid(`content_type ${JSON.stringify(declared)} is not supported: use image/png, image/jpeg or image/webp.`);
    }
    const contentType = declared !== undefined ? bareType(declared as string) : (mimeOfName(filename) ?? 'application/octet-stream');
    const name = `${context.newId()}.${EXTENSIONS[contentType] ?? 'img'}`;
    const token = context.newId() + context.newId();
    tickets.set(token, { name, size, contentType, filename });
    return ok({
      download_url: fileUrl(scope.base, name),
      upload: { method: 'PUT', url: `${scope.base}/api/v3/local/uploads/${token}`, headers: { 'content-type': contentType } },
      expires_in: Math.round(Math.min(TICKET_TTL, context.options.ttl) / 1000),
    });
  }

  /** PUT /api/v3/local/uploads/{token}: the bytes for a ticket, once. */
  async function put(scope: RequestScope, token: string): Promise<Response> {
    const entry = tickets.get(token);
    if (!entry) return fail(404, 'This upload URL is unknown, expired or already used. Ask for a new one.');
    if (bareType(scope.request.headers.get('content-type')) !== entry.contentType) {
      return fail(403, `The upload must be sent with exactly the ticket's headers (content-type: ${entry.contentType}).`);
    }
    let bytes: Uint8Array;
    try {
      bytes = await readBody(scope.request, entry.size);
    } catch (error) {
      if (error instanceof BodyTooLargeError) return fail(400, `The upload is larger than the ${entry.size} bytes the ticket was issued for.`, { errorCode: TASK_CODES.invalidParameter });
      throw error;
    }
    if (bytes.byteLength !== entry.size) {
      return invalid(`The upload has ${bytes.byteLength} bytes but the ticket was issued for ${entry.size}.`);
    }
    const stored = storeImage(bytes, entry.name);
    if (stored instanceof Response) return stored;
    tickets.delete(token);
    return ok({ download_url: fileUrl(scope.base, stored.name), size: bytes.byteLength, content_type: stored.contentType });
  }

  /** POST /api/v3/media/upload/binary, multipart field `file`. */
  async function binary(scope: RequestScope): Promise<Response> {
    let raw: Uint8Array;
    try {
      raw = await readBody(scope.request, Math.min(context.options.maxBodyBytes, MAX_IMAGE_BYTES + 64 * 1024));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return tooLarge(MAX_IMAGE_BYTES);
      throw error;
    }
    let form: FormData;
    try {
      form = await new Response(raw as BodyInit, { headers: { 'content-type': scope.request.headers.get('content-type') ?? '' } }).formData();
    } catch {
      return invalid('The request must be multipart/form-data with the image in a field named "file".');
    }
    const file = form.get('file');
    if (!file || typeof file === 'string') return invalid('The multipart field "file" is required and must be a file.');
    const bytes = new Uint8Array(await file.arrayBuffer());
    if (bytes.byteLength > MAX_IMAGE_BYTES) return tooLarge(MAX_IMAGE_BYTES);
    const stored = storeImage(bytes);
    if (stored instanceof Response) return stored;
    const filename = 'name' in file && typeof file.name === 'string' && file.name ? file.name : stored.name;
    return ok({ type: 'image', download_url: fileUrl(scope.base, stored.name), filename, size: bytes.byteLength });
  }

  /** GET/HEAD /api/v3/local/files/{name}. */
  function serve(scope: RequestScope, name: string): Response {
    const file = FILE_NAME_PATTERN.test(name) ? context.files.get(name) : undefined;
    if (!file) return fail(404, 'File not found: it has expired or never existed.');
    const etag = `"${name}"`;
    const maxAge = Math.max(0, Math.floor(((context.files.expiresAt(name) ?? 0) - Date.now()) / 1000));
    const headers = {
      'content-type': file.contentType,
      'content-length': String(file.bytes.byteLength),
      'cache-control': `public, max-age=${maxAge}, immutable`,
      etag,
      'last-modified': new Date(file.createdAt).toUTCString(),
      'x-content-type-options': 'nosniff',
    };
    if (scope.request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers: { etag, 'cache-control': headers['cache-control'] } });
    return new Response(scope.request.method === 'HEAD' ? null : (file.bytes as BodyInit), { status: 200, headers });
  }

  return { ticket, put, binary, serve, clear: () => tickets.clear() };
}
