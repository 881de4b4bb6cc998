/** Output encodings the model can produce. */
export type OutputFormat = 'jpeg' | 'png' | 'webp';

/**
 * Every status a WaveSpeed prediction can report. `created` and `processing` are pending; the rest are
 * terminal. `cancelled`, `timeout` and `deleted` are not documented for this model, but the official
 * clients treat them as terminal failures, and so do we.
 */
export type PredictionStatus =
  | 'created'
  | 'processing'
  | 'completed'
  | 'failed'
  | 'cancelled'
  | 'timeout'
  | 'deleted';

/** A WaveSpeed v3 prediction, as `submit` and `getResult` return it (the `data` of the envelope). */
export interface Prediction {
  id: string;
  model: string;
  status: PredictionStatus;
  /** URLs of the results (or bare base64 strings with `enable_base64_output`); empty until completed. */
  outputs: string[];
  urls: { get: string };
  /** One flag per output, set when the API judged it NSFW. */
  has_nsfw_contents: boolean[];
  /** ISO timestamp. */
  created_at: string;
  /** The failure message; empty unless the status is a failure. */
  error: string;
  timings: { inference: number };
  /** The task error code when WaveSpeed reports one (1200 moderation, 1401 invalid parameter, 5004 sync timeout, ...). */
  code?: number;
  input?: Record<string, unknown>;
}

/** The body of a HiDream-O1-Image Dev (Edit) submit. */
export interface EditInput {
  /** The instruction: what to change and what to keep. Required, non-empty. */
  prompt: string;
  /** Reference images: `http(s)` URLs or `data:image/(png|jpeg|webp);base64,...` URIs. One for editing, several for personalization. */
  images: string[];
  /**
   * Output size as `"WIDTH*HEIGHT"`. The model snaps it to the closest supported resolution (see `snapSize`).
   * @default "2048*2048"
   */
  size?: string;
  /**
   * Encoding of the result image: `jpeg`, `png` or `webp`.
   * @default "jpeg"
   */
  output_format?: OutputFormat;
  /**
   * Integer in -1..2147483647; -1 or absent picks a random seed. A fixed seed reproduces the result.
   * @default -1 (a random seed)
   */
  seed?: number;
  /**
   * Hold the submit open until the prediction is finished.
   * @default false
   */
  enable_sync_mode?: boolean;
  /**
   * Return outputs as base64 strings instead of URLs.
   * @default false
   */
  enable_base64_output?: boolean;
}

/** The envelope of every WaveSpeed v3 JSON response. */
export interface Envelope<T> {
  code: number;
  message: string;
  data: T;
}

/** A problem found in an edit input: which field, a machine code and a sentence for a person. */
export interface FieldError {
  /** The field, with an index for list entries: `prompt`, `images`, `images[1]`, `size`, `output_format`, `seed`. */
  field: string;
  code: FieldErrorCode;
  message: string;
}

export type FieldErrorCode =
  | 'required'
  | 'invalid_type'
  | 'invalid_url'
  | 'unsupported_format'
  | 'too_large'
  | 'too_many_pixels'
  | 'aspect_ratio'
  | 'corrupt_image'
  | 'too_many'
  | 'out_of_range'
  | 'invalid_size';

/** What `sniffImage` reads from an image's header, without decoding it. */
export interface ImageInfo {
  format: 'png' | 'jpeg' | 'webp';
  /** Stored width in pixels (before EXIF orientation). */
  width: number;
  /** Stored height in pixels (before EXIF orientation). */
  height: number;
  /** EXIF orientation 1..8 (1 when absent). 5..8 swap width and height when displayed. */
  orientation: number;
}
