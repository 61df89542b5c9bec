/**
 * A workflow history (`handle.fetchHistory()`) as text with every payload decoded, for asserting what a
 * history holds: payloads come back as base64 of their JSON, so a plain JSON.stringify would hide a name.
 */
export function historyText(history: unknown): string {
  return JSON.stringify(history, (key: string, value: unknown) =>
    key === 'data' && typeof value === 'string' ? Buffer.from(value, 'base64').toString('utf8') : value,
  );
}
