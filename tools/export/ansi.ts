export interface StripAnsiParams {
  text: string;
}

/** Removes ANSI colour/cursor escape sequences (tslab and Node colour error output). */
export function stripAnsi({ text }: StripAnsiParams): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b\][^\u0007]*\u0007/g, "");
}
