import { TERMINAL_STATUSES } from './constants.js';

/** True for statuses after which a prediction never changes: `completed`, `failed`, `cancelled`, `timeout`, `deleted`. */
export function isTerminalStatus(status: string): boolean {
  return (TERMINAL_STATUSES as readonly string[]).includes(status);
}
