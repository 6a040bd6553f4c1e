/**
 * How a ribbon command's result reaches the task pane. Commands and pane share one window
 * (the shared runtime) but are separate bundles, so the result is kept on the window until
 * the pane takes it: a result posted before the pane has mounted (the ribbon button opens
 * the pane, which mounts afterwards) is not lost, and none is shown twice.
 */

/** Event fired on the window after a result was posted. */
export const COMMAND_RESULT_EVENT = "jobplan:command-result";

export interface CommandResultDetail {
  command: "regenerateSummary" | "validatePlan" | string;
  result?: unknown;
  error?: unknown;
}

const MAILBOX = "__jobplanCommandResults";

function mailbox(): CommandResultDetail[] {
  const w = window as unknown as Record<string, CommandResultDetail[] | undefined>;
  return (w[MAILBOX] ??= []);
}

/** Keeps the result for the pane and tells a pane that is already listening. */
export function postCommandResult(detail: CommandResultDetail): void {
  mailbox().push(detail);
  window.dispatchEvent(new CustomEvent(COMMAND_RESULT_EVENT));
}

/**
 * Hands every waiting result to `handle`, now and whenever a command posts another; returns
 * the unsubscribe function (for a React effect's cleanup).
 */
export function subscribeCommandResults(handle: (detail: CommandResultDetail) => void): () => void {
  const drain = () => {
    for (const d of mailbox().splice(0)) handle(d);
  };
  window.addEventListener(COMMAND_RESULT_EVENT, drain);
  drain();
  return () => window.removeEventListener(COMMAND_RESULT_EVENT, drain);
}
