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
