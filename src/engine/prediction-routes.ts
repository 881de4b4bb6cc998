import { DEFAULT_OUTPUT_FORMAT, DEFAULT_SIZE, MAX_SEED } from '../core/constants.js';
import { isPredictionId, parseSize, snapSize, validateEditInput, ValidationError } from '../core/index.js';
import type { EditInput, OutputFormat, Prediction } from '../core/types.js';
import { encodeBase64 } from './base64.js';
import type { EngineContext, RequestScope } from './engine-context.js';
import { fail, ok } from './envelope.js';
import { ExpiringStore } from './expiring-store.js';
import { mimeTypeOf } from './imaging.js';
import { loadReference } from './load-reference.js';
import { parsePromptFlags } from './prompt-flags.js';
import { BodyTooLargeError, readBody } from './read-body.js';
import { renderEdit, type RenderEditResult } from './render-edit.js';
import { TASK_CODES, TaskFailure } from './task-failure.js';
import { fileUrl } from './upload-routes.js';
import { sendWebhook } from './webhook.js';
import { isHttpUrl } from '../server/is-http-url.js';

/** What the local engine adds to a prediction: how it really rendered it. */
export interface LocalPredictionDetails {
  /** The size of the output really produced (`maxOutputSide` may make it smaller than the snapped size). */
  output_size: string;
  /** The snapped size the model would produce. */
  snapped_size: string;
  /** The operations applied, in order (see `EDIT_VOCABULARY`). */
  operations: string[];
  /** The imaging backend. */
  imaging: string;
}

/** A prediction as the local engine reports it. */
export interface LocalPrediction extends Prediction {
  engine?: LocalPredictionDetails;
}

interface Task {
  prediction: LocalPrediction;
  /** Where to POST the prediction when it ends (`?webhook=` on the submit URL, or `webhook_url` in the body). */
  webhook?: string;
  timers: Set<ReturnType<typeof setTimeout>>;
  waiters: Set<() => void>;
  abort: AbortController;
  processingSince: number;
  /** Holds one of the `concurrency` slots. */
  running: boolean;
}

/** Realistic failures for `failRate` and `[fail]`. */
const FAILURES: readonly { code: number; message: string }[] = [
  { code: TASK_CODES.taskFailed, message: 'Task failed: the inference worker ran out of GPU memory. Try again, or a smaller size.' },
  { code: TASK_CODES.internal, message: 'Internal server error: the inference worker stopped unexpectedly. Try again.' },
  { code: 1405, message: 'Task failed: the model could not complete this edit. Try again or rephrase the prompt.' },
];

const MODERATION_MESSAGE = 'The output was flagged by content moderation (has_nsfw_contents) and withheld. Try a different prompt or image.';

/** Everything decided at submit time about how a task will run. */
interface Plan {
  input: EditInput;
  scope: RequestScope;
  /** Output size in pixels (snapped, then scaled by `maxOutputSide`). */
  size: { width: number; height: number };
  seed: number;
  /** Submit to terminal, in ms. */
  total: number;
  /** Submit to `processing`, in ms. */
  queued: number;
  /** A forced failure (`failRate` or `[fail]`). */
  failure?: { code: number; message: string };
  /** `[moderate]`. */
  moderate: boolean;
}

const isTerminal = (p: Prediction) => p.status !== 'created' && p.status !== 'processing';

function abbreviate(ref: string): string {
  if (!ref.startsWith('data:') || ref.length <= 200) return ref;
  const comma = ref.indexOf(',');
  return `${ref.slice(0, comma + 1)}…(${ref.length - comma - 1} base64 characters omitted)`;
}

function validationFailure(errors: ReturnType<typeof validateEditInput>): Response {
  return fail(400, new ValidationError(errors).message, {
    errorCode: errors.some((e) => e.code === 'required') ? TASK_CODES.missingParameter : TASK_CODES.invalidParameter,
    body: { errors },
  });
}

/** Submit and result: the prediction lifecycle. */
export function createPredictionRoutes(context: EngineContext) {
  const { options } = context;
  const tasks = new ExpiringStore<Task>({
    ttl: options.ttl,
    maxEntries: options.maxEntries,
    onEvict: (_id, task) => release(task),
  });

  // Tasks above `concurrency` stay `created` until a slot frees, like WaveSpeed's tier queue.
  const queue: (() => void)[] = [];
  let running = 0;

  function acquireSlot(task: Task): Promise<void> {
    return new Promise((resolve) => {
      const take = () => {
        running++;
        task.running = true;
        resolve();
      };
      if (running < options.concurrency) take();
      else queue.push(take);
    });
  }

  function releaseSlot(task: Task) {
    if (!task.running) return;
    task.running = false;
    running--;
    while (running < options.concurrency && queue.length > 0) queue.shift()!();
  }

  function release(task: Task) {
    releaseSlot(task);
    for (const timer of task.timers) context.cancel(timer);
    task.timers.clear();
    task.abort.abort();
    for (const wake of task.waiters) wake();
    task.waiters.clear();
  }

  function later(task: Task, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = context.later(ms, () => {
        task.timers.delete(timer);
        resolve();
      });
      task.timers.add(timer);
    });
  }

  function settle(task: Task, patch: Partial<LocalPrediction>) {
    releaseSlot(task);
    Object.assign(task.prediction, patch, { timings: { inference: Math.max(0, Date.now() - task.processingSince) } });
    for (const wake of task.waiters) wake();
    task.waiters.clear();
    if (task.webhook && options.fetch) {
      void sendWebhook(task.prediction, { url: task.webhook, secret: options.webhookSecret, id: context.newId(), fetch: options.fetch, timeout: options.fetchTimeout });
    }
  }

  async function render(task: Task, { input, scope, size, seed }: Plan): Promise<RenderEditResult> {
    const imaging = context.imaging();
    const bytes = await Promise.all(
      input.images.map((ref, index) =>
        loadReference(ref, index, {
          origin: scope.url.origin,
          localFile: (name) => context.files.get(name)?.bytes,
          fetch: options.fetch,
          fetchTimeout: options.fetchTimeout,
          signal: task.abort.signal,
        }),
      ),
    );
    const references = await Promise.all(
      bytes.map((b, index) =>
        imaging.decode(b).catch((error: unknown) => {
          throw new TaskFailure(TASK_CODES.invalidParameter, `images[${index}] could not be decoded: ${(error as Error)?.message ?? error}.`);
        }),
      ),
    );
    return renderEdit(imaging, {
      prompt: input.prompt,
      references,
      width: size.width,
      height: size.height,
      format: input.output_format ?? (DEFAULT_OUTPUT_FORMAT as OutputFormat),
      seed,
    });
  }

  async function run(task: Task, plan: Plan) {
    const { input, scope } = plan;
    const rendering = render(task, plan).then(
      (result) => ({ result }),
      (error: unknown) => ({ error }),
    );
    await later(task, plan.queued);
    await acquireSlot(task);
    if (context.closed || task.abort.signal.aborted) return releaseSlot(task);
    task.prediction.status = 'processing';
    task.processingSince = Date.now();
    const [outcome] = await Promise.all([rendering, later(task, plan.total - plan.queued)]);
    if (context.closed || task.abort.signal.aborted) return;
    const id = task.prediction.id;
    if ('error' in outcome) {
      const failure = outcome.error instanceof TaskFailure ? outcome.error : new TaskFailure(TASK_CODES.internal, `Internal error while editing: ${(outcome.error as Error)?.message ?? outcome.error}`);
      return settle(task, { status: 'failed', error: failure.message, code: failure.code });
    }
    const { result } = outcome;
    const details: LocalPredictionDetails = {
      output_size: `${result.width}*${result.height}`,
      snapped_size: task.prediction.engine?.snapped_size ?? '',
      operations: result.steps.map((s) => (s.operation === 'rotate' ? `rotate ${s.degrees}` : s.operation === 'background' ? `background ${s.backdrop}` : s.operation)),
      imaging: context.imaging().name,
    };
    if (plan.moderate) {
      return settle(task, { status: 'failed', error: MODERATION_MESSAGE, code: TASK_CODES.moderation, has_nsfw_contents: [true], engine: details });
    }
    if (plan.failure) return settle(task, { status: 'failed', error: plan.failure.message, code: plan.failure.code, engine: details });
    let output: string;
    if (input.enable_base64_output) {
      output = encodeBase64(result.bytes);
    } else {
      const name = `${id}.${result.format === 'jpeg' ? 'jpg' : result.format}`;
      context.files.set(name, { bytes: result.bytes, contentType: mimeTypeOf(result.format), createdAt: Date.now() });
      output = fileUrl(scope.base, name);
    }
    settle(task, { status: 'completed', outputs: [output], has_nsfw_contents: [false], engine: details });
  }

  function waitTerminal(task: Task, timeout: number, signal: AbortSignal): Promise<'done' | 'timeout'> {
    return new Promise((resolve) => {
      if (isTerminal(task.prediction) || context.closed) return resolve('done');
      const finish = (how: 'done' | 'timeout') => {
        context.cancel(timer);
        task.waiters.delete(wake);
        signal.removeEventListener('abort', onAbort);
        resolve(how);
      };
      const wake = () => finish('done');
      const onAbort = () => finish('timeout');
      const timer = context.later(timeout, () => finish('timeout'));
      task.waiters.add(wake);
      signal.addEventListener('abort', onAbort);
    });
  }

  /** POST /api/v3/{model}. */
  async function submit(scope: RequestScope, model: string): Promise<Response> {
    let body: unknown;
    try {
      const raw = await readBody(scope.request, options.maxBodyBytes);
      body = JSON.parse(new TextDecoder().decode(raw));
    } catch (error) {
      if (error instanceof BodyTooLargeError) return fail(413, `The request body is larger than the ${Math.round(options.maxBodyBytes / 1024 / 1024)} MB limit.`);
      return fail(400, 'The request body must be a JSON object.', { errorCode: TASK_CODES.invalidParameter });
    }
    const errors = validateEditInput(body);
    if (errors.length > 0) return validationFailure(errors);
    const input = body as EditInput;
    const webhook = scope.url.searchParams.get('webhook') ?? (body as { webhook_url?: unknown }).webhook_url;
    if (webhook !== null && webhook !== undefined && !isHttpUrl(webhook)) {
      return fail(400, 'The webhook must be an http(s) URL.', { errorCode: TASK_CODES.invalidParameter, body: { errors: [{ field: 'webhook', code: 'invalid_url', message: 'The webhook must be an http(s) URL.' }] } });
    }
    const seed = input.seed === undefined || input.seed === -1 ? Math.floor(context.random() * MAX_SEED) : input.seed;
    const flags = parsePromptFlags(input.prompt);
    const requested = parseSize(input.size ?? DEFAULT_SIZE)!;
    const snapped = snapSize(requested.width, requested.height);
    const scale = options.maxOutputSide ? Math.min(1, options.maxOutputSide / Math.max(snapped.width, snapped.height)) : 1;
    const size = { width: Math.max(1, Math.round(snapped.width * scale)), height: Math.max(1, Math.round(snapped.height * scale)) };
    const total = Math.max(0, Math.round(context.pick(options.latency) + (flags.slow ? options.slowLatency : 0)));
    const failure = flags.fail || (options.failRate > 0 && context.random() < options.failRate) ? FAILURES[Math.floor(context.random() * FAILURES.length)]! : undefined;

    const id = context.newId();
    const prediction: LocalPrediction = {
      id,
      model,
      status: 'created',
      outputs: [],
      urls: { get: `${scope.base}/api/v3/predictions/${id}/result` },
      has_nsfw_contents: [],
      created_at: new Date().toISOString(),
      error: '',
      timings: { inference: 0 },
      input: {
        prompt: input.prompt,
        images: input.images.map(abbreviate),
        size: input.size ?? DEFAULT_SIZE,
        output_format: input.output_format ?? DEFAULT_OUTPUT_FORMAT,
        seed,
        enable_sync_mode: input.enable_sync_mode ?? false,
        enable_base64_output: input.enable_base64_output ?? false,
      },
      engine: { output_size: `${size.width}*${size.height}`, snapped_size: `${snapped.width}*${snapped.height}`, operations: [], imaging: context.imaging().name },
    };
    const task: Task = { prediction, timers: new Set(), waiters: new Set(), abort: new AbortController(), processingSince: Date.now(), running: false };
    if (typeof webhook === 'string') task.webhook = webhook;
    tasks.set(id, task);
    void run(task, { input, scope, size, seed, total, queued: Math.min(300, Math.round(total * 0.15)), failure, moderate: flags.moderate });

    if (input.enable_sync_mode) {
      const how = await waitTerminal(task, options.syncTimeout, scope.request.signal);
      if (context.closed) return fail(503, 'The local engine was closed.', { errorCode: TASK_CODES.unavailable });
      if (how === 'timeout') {
        return ok({
          ...task.prediction,
          status: 'processing',
          code: TASK_CODES.syncTimeout,
          error: `Sync mode timed out after ${Math.round(options.syncTimeout / 1000)} s; the task is still running. Poll ${prediction.urls.get} for the result.`,
        });
      }
    }
    return ok(task.prediction);
  }

  /** GET /api/v3/predictions/{id}/result. */
  function result(_scope: RequestScope, id: string): Response {
    if (!isPredictionId(id)) return fail(400, 'Invalid prediction id.', { errorCode: TASK_CODES.invalidParameter });
    if (options.errorRate > 0 && context.random() < options.errorRate) {
      if (context.random() < 0.5) {
        return fail(429, 'Too many requests: rate limit exceeded. Retry after 1 second.', { headers: { 'retry-after': '1' } });
      }
      const status = [500, 502, 503][Math.floor(context.random() * 3)]!;
      return fail(status, status === 503 ? 'Service temporarily unavailable. Try again.' : 'Internal server error. Try again.', { errorCode: status === 503 ? TASK_CODES.unavailable : TASK_CODES.internal });
    }
    const task = tasks.get(id);
    if (!task) return fail(404, `Prediction ${id} not found: it has expired or never existed.`);
    return ok(task.prediction);
  }

  return {
    submit,
    result,
    sweep: () => tasks.sweep(),
    clear: () => tasks.clear(),
  };
}
