import { MAX_IMAGE_BYTES } from '../core/constants.js';
import { decodeDataUri, validateImageBytes } from '../core/index.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { TASK_CODES, TaskFailure } from './task-failure.js';

/** The path of a file this engine serves, under any mount prefix. */
export const LOCAL_FILE_PATH = /\/api\/v3\/local\/files\/([^/?#]+)$/;

export interface LoadReferenceContext {
  /** The origin of the request being handled: local-file URLs on it never leave the process. */
  origin: string;
  /** Bytes of a file this engine stored, by name. */
  localFile(name: string): Uint8Array | undefined;
  fetch: typeof fetch | false;
  fetchTimeout: number;
  signal?: AbortSignal;
}

async function readCapped(response: Response, field: string): Promise<Uint8Array> {
  try {
    return await readBody(response, MAX_IMAGE_BYTES);
  } catch (error) {
    if (error instanceof BodyTooLargeError) throw new TaskFailure(TASK_CODES.invalidParameter, `${field} is larger than the 50 MB limit.`);
    throw error;
  }
}

async function fetchRemote(url: URL, field: string, context: LoadReferenceContext): Promise<Uint8Array> {
  if (!context.fetch) {
    throw new TaskFailure(TASK_CODES.mediaUnreachable, `${field} could not be fetched (${url.href}): this local engine does not fetch remote URLs.`);
  }
  const controller = new AbortController();
  const onAbort = () => controller.abort();
  context.signal?.addEventListener('abort', onAbort);
  const timer = setTimeout(() => controller.abort(new Error(`no answer within ${context.fetchTimeout} ms`)), context.fetchTimeout);
  try {
    const response = await context.fetch(url.href, { signal: controller.signal, redirect: 'follow' });
    if (!response.ok) {
      await response.body?.cancel();
      throw new TaskFailure(TASK_CODES.mediaUnreachable, `${field} could not be fetched (${url.href}): HTTP ${response.status}.`);
    }
    return await readCapped(response, field);
  } catch (error) {
    if (error instanceof TaskFailure) throw error;
    const reason = controller.signal.aborted && controller.signal.reason instanceof Error ? controller.signal.reason.message : String((error as Error)?.message ?? error);
    throw new TaskFailure(TASK_CODES.mediaUnreachable, `${field} could not be fetched (${url.href}): ${reason}.`);
  } finally {
    clearTimeout(timer);
    context.signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * The bytes of `images[index]`: a data URI, a file this engine serves (read from memory, no network), or a
 * remote http(s) URL (fetched with a timeout). Checks they are a PNG, JPEG or WebP within the limits.
 * Throws `TaskFailure` (1401 invalid, 1402 unreachable).
 */
export async function loadReference(ref: string, index: number, context: LoadReferenceContext): Promise<Uint8Array> {
  const field = `images[${index}]`;
  let bytes: Uint8Array | undefined;
  if (ref.startsWith('data:')) {
    bytes = decodeDataUri(ref)?.bytes;
    if (!bytes) throw new TaskFailure(TASK_CODES.invalidParameter, `${field} is not a valid base64 image data URI.`);
  } else {
    let url: URL;
    try {
      url = new URL(ref);
    } catch {
      throw new TaskFailure(TASK_CODES.invalidParameter, `${field} is not a URL or a data URI.`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new TaskFailure(TASK_CODES.invalidParameter, `${field} must be an http(s) URL or a data URI.`);
    }
    const local = LOCAL_FILE_PATH.exec(url.pathname);
    if (local) {
      bytes = context.localFile(local[1]!);
      if (!bytes && url.origin === context.origin) {
        throw new TaskFailure(TASK_CODES.mediaUnreachable, `${field} could not be fetched (${url.href}): the file has expired or never existed.`);
      }
    }
    bytes ??= await fetchRemote(url, field, context);
  }
  const { errors } = validateImageBytes(bytes, field);
  if (errors.length > 0) throw new TaskFailure(TASK_CODES.invalidParameter, errors[0]!.message);
  return bytes;
}
