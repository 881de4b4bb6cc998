/** The WaveSpeed model this library edits with. */
export const DEFAULT_MODEL = 'wavespeed-ai/hidream-o1-image-dev/edit';
/** WaveSpeed's public API origin. */
export const WAVESPEED_BASE_URL = 'https://api.wavespeed.ai';
/** Largest reference image the API accepts, in bytes (50 MB). */
export const MAX_IMAGE_BYTES = 50 * 1024 * 1024;
/** Largest reference image we accept, in pixels, read from its header before any decode (128 megapixels). */
export const MAX_IMAGE_PIXELS = 128 * 1024 * 1024;
/** The flattest and tallest aspect ratio (width / height) the API accepts for a reference: 1:4 .. 4:1. */
export const MIN_ASPECT_RATIO = 0.25;
export const MAX_ASPECT_RATIO = 4;
/** Output side limits, in pixels. */
export const MIN_SIDE = 256;
export const MAX_SIDE = 4096;
/** Output total-pixel limits: [2560*1440, 4096*4096]. */
export const MIN_TOTAL_PIXELS = 2560 * 1440;
export const MAX_TOTAL_PIXELS = 4096 * 4096;
/** The API's default output size. */
export const DEFAULT_SIZE = '2048*2048';
export const DEFAULT_OUTPUT_FORMAT = 'jpeg';
export const OUTPUT_FORMATS = ['jpeg', 'png', 'webp'] as const;
export const MIN_SEED = -1;
export const MAX_SEED = 2147483647;
/** Default number of references the UI allows (the seed recommends 3–5 for identity locking). */
export const DEFAULT_MAX_IMAGES = 5;
/** Hard cap on references in one submit, enforced by validation. */
export const MAX_IMAGES = 16;
/** Price of one edit in USD. */
export const PRICE_PER_EDIT_USD = 0.02;
/** Statuses after which a prediction never changes. */
export const TERMINAL_STATUSES = ['completed', 'failed', 'cancelled', 'timeout', 'deleted'] as const;
/** Strict pattern for prediction ids before they go into a URL: no `/`, `.`, `%`, `#` or `?`. */
export const PREDICTION_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/**
 * Response header our proxy sets to advertise long-polling: its value is the longest `?wait=` in seconds
 * it honours on `GET /api/v3/predictions/{id}/result`. Plain WaveSpeed never sends it.
 */
export const LONG_POLL_HEADER = 'x-hidream-long-poll';
/** Task code for a sync-mode submit that timed out while the task keeps running. */
export const SYNC_TIMEOUT_CODE = 5004;
