import sharp from 'sharp';
import { createLocalEngine, type LocalEngine, type LocalEngineOptions } from '../../src/engine/index.js';
import type { LocalPrediction } from '../../src/engine/index.js';

export const MODEL = 'wavespeed-ai/hidream-o1-image-dev/edit';
export const ORIGIN = 'http://app.test';

/**
 * A 320×240 test photo: a light grey backdrop, a red disc (the subject) with a blue square on its left, so
 * mirroring, flipping and background changes are all visible.
 */
export async function testPhoto(format: 'png' | 'jpeg' | 'webp' = 'png', width = 320, height = 240): Promise<Uint8Array> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">
    <rect width="100%" height="100%" fill="#dcdcdc"/>
    <circle cx="${width / 2}" cy="${height / 2}" r="${Math.min(width, height) * 0.35}" fill="#c83232"/>
    <rect x="${width / 2 - Math.min(width, height) * 0.25}" y="${height / 2 - 20}" width="40" height="40" fill="#2846c8"/>
  </svg>`;
  const out = await sharp(Buffer.from(svg))[format]().toBuffer();
  return new Uint8Array(out);
}

export function dataUri(bytes: Uint8Array, mime = 'image/png'): string {
  return `data:${mime};base64,${Buffer.from(bytes).toString('base64')}`;
}

export async function rawPixels(bytes: Uint8Array | string) {
  const input = typeof bytes === 'string' ? Buffer.from(bytes, 'base64') : bytes;
  const { data, info } = await sharp(input).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  return { data: new Uint8Array(data), width: info.width, height: info.height };
}

/** An engine for tests: no latency, small outputs, reproducible randomness. */
export function testEngine(options: LocalEngineOptions = {}): LocalEngine {
  return createLocalEngine({ latency: 0, maxOutputSide: 256, random: 1, ...options });
}

export function post(path: string, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: 'Bearer test', ...headers },
    body: JSON.stringify(body),
  });
}

export function get(path: string, headers: Record<string, string> = {}): Request {
  return new Request(path.startsWith('http') ? path : `${ORIGIN}${path}`, { headers: { authorization: 'Bearer test', ...headers } });
}

export async function json<T = LocalPrediction>(response: Response): Promise<{ status: number; code: number; message: string; data: T; [k: string]: unknown }> {
  return { status: response.status, ...(await response.json()) };
}

/** Submits in sync mode and returns the finished prediction. */
export async function editSync(engine: LocalEngine, input: Record<string, unknown>, prefix = '', query = ''): Promise<LocalPrediction> {
  const res = await json(await engine(post(`${prefix}/api/v3/${MODEL}${query}`, { enable_sync_mode: true, ...input })));
  if (res.status !== 200) throw new Error(`submit failed: ${res.status} ${res.message}`);
  return res.data;
}

/** The output bytes of a completed prediction, fetched through the engine itself. */
export async function outputBytes(engine: LocalEngine, prediction: LocalPrediction): Promise<Uint8Array> {
  const out = prediction.outputs[0];
  if (!out) throw new Error(`no output: ${prediction.status} ${prediction.error}`);
  if (!out.startsWith('http')) return new Uint8Array(Buffer.from(out, 'base64'));
  const res = await engine(get(out));
  if (!res.ok) throw new Error(`output ${out}: ${res.status}`);
  return new Uint8Array(await res.arrayBuffer());
}
