/**
 * Stream names are `<category>-<id>`. The category must not contain a hyphen because
 * EventStoreDB's category index splits on the first one.
 */
export function streamName(category: string, id: string): string {
  if (!/^[a-zA-Z][a-zA-Z0-9]*$/.test(category)) {
    throw new Error(`Invalid stream category "${category}": letters and digits only`);
  }
  return `${category}-${id}`;
}

export function streamCategory(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? stream : stream.slice(0, dash);
}

export function streamId(stream: string): string {
  const dash = stream.indexOf('-');
  return dash < 0 ? '' : stream.slice(dash + 1);
}
