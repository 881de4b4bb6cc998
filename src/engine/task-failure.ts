/** Why a prediction failed: a WaveSpeed task code and a sentence for a person. */
export class TaskFailure extends Error {
  readonly code: number;

  constructor(code: number, message: string) {
    super(message);
    this.name = 'TaskFailure';
    this.code = code;
  }
}

/** Task codes the engine reports. */
export const TASK_CODES = {
  moderation: 1200,
  missingParameter: 1400,
  invalidParameter: 1401,
  mediaUnreachable: 1402,
  taskFailed: 1403,
  internal: 5000,
  unavailable: 5003,
  syncTimeout: 5004,
} as const;
