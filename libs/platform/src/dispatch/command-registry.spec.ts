import type { DispatchContext } from '#ltc/commanding';
import { CommandRegistry, UnknownCommandTypeError } from './command-registry.js';

const context: DispatchContext = {
  idempotencyKey: 'key-1',
  actor: { userId: 'engine', role: 'system' },
  tenantId: 'acme',
  correlationId: 'corr',
  causationId: 'cause',
};

describe('CommandRegistry', () => {
  const registry = new CommandRegistry();
  const seen: { payload: unknown; context: DispatchContext }[] = [];
  registry.register('note.Write', async (payload, ctx) => {
    seen.push({ payload, context: ctx });
    return { noteId: `note-${String(payload['title'])}` };
  });
  registry.register('note.Refuse', () => Promise.reject(new Error('refused by the route')));

  beforeEach(() => (seen.length = 0));

  it('dispatch sends the payload and context to the registered route and answers nothing', async () => {
    await expect(registry.dispatch({ type: 'note.Write', payload: { title: 'a' } }, context)).resolves.toBeUndefined();
    expect(seen).toEqual([{ payload: { title: 'a' }, context }]);
  });

  it("request sends the command the same way and answers the route's result", async () => {
    await expect(registry.request('note.Write', { title: 'b' }, context)).resolves.toEqual({ noteId: 'note-b' });
    expect(seen).toEqual([{ payload: { title: 'b' }, context }]);
  });

  it("passes the route's refusal on to the sender of either", async () => {
    await expect(registry.request('note.Refuse', {}, context)).rejects.toThrow('refused by the route');
    await expect(registry.dispatch({ type: 'note.Refuse', payload: {} }, context)).rejects.toThrow(
      'refused by the route',
    );
  });

  it('refuses a type no module registered, on both ways in', async () => {
    await expect(registry.request('note.Unknown', {}, context)).rejects.toBeInstanceOf(UnknownCommandTypeError);
    await expect(registry.dispatch({ type: 'note.Unknown', payload: {} }, context)).rejects.toBeInstanceOf(
      UnknownCommandTypeError,
    );
  });

  it('refuses a type registered twice', () => {
    expect(() => registry.register('note.Write', () => Promise.resolve(undefined))).toThrow('registered twice');
  });
});
