import { Module } from '@nestjs/common';
import { CommandBus, CqrsModule } from '@nestjs/cqrs';
import { Test } from '@nestjs/testing';
import { CLOCK, ManualClock } from '#ltc/clock';
import type { CommandEnvelope } from '#ltc/commanding';
import { EVENT_STORE, InMemoryEventStore } from '#ltc/event-store';
import { DomainError, NotFoundError, eventParser, type Decider } from '#ltc/kernel';
import { commandHandlerFor, type AggregateCommands } from './command-handler-for.js';

/** A note with a title; renaming needs it to exist and records when, by the clock. */
type NoteCommand =
  { type: 'WriteNote'; title: string; now: Date } | { type: 'RenameNote'; title: string; known: boolean; now: Date };
type NoteEvent = { type: 'NoteWritten' | 'NoteRenamed'; data: { title: string; at: string } };
const noteDecider: Decider<NoteCommand, NoteEvent, string | null> = {
  initialState: () => null,
  decide: (command, title) => {
    if (command.type === 'RenameNote' && !command.known) throw new DomainError('NOTE_UNKNOWN', 'no such note');
    if (command.type === 'WriteNote' && title !== null) throw new DomainError('NOTE_EXISTS', 'already written');
    const type = command.type === 'WriteNote' ? 'NoteWritten' : 'NoteRenamed';
    return [{ type, data: { title: command.title, at: command.now.toISOString() } }];
  },
  evolve: (_title, event) => event.data.title,
};

const noteStream = (tenantId: string, id: string) => `note-${tenantId}:${id}`;
const parse = eventParser<NoteEvent>({ NoteWritten: true, NoteRenamed: true });
const notes = commandHandlerFor(noteDecider, { entity: 'Note', stream: noteStream, parse });
type RenameInput = { type: 'RenameNote'; title: string };
const renames = commandHandlerFor(noteDecider, {
  entity: 'RenamedNote',
  stream: noteStream,
  parse,
  // A fact from outside the command: whether the stream already holds the note.
  complete: async (input: RenameInput, { now, tenantId, store }) => ({
    ...input,
    known: (await store.readStream(noteStream(tenantId, 'n1'))).length > 0,
    now,
  }),
  result: async (outcome) => ({ outcome, renamed: outcome.events.length }),
});

/** Who sends every command of this spec; each command gets a fresh id (none is a retry). */
const sender = { actor: { userId: 'u1', role: 'ar' }, tenantId: 'acme', correlationId: 'corr', causationId: 'cause' };

function envelopeOf<Input>(
  command: Input,
  overrides: Partial<CommandEnvelope<Input, string | null>> = {},
): CommandEnvelope<Input, string | null> {
  const commandId = `cmd-${Math.random()}`;
  return { command, stream: noteStream('acme', 'n1'), commandId, idempotent: false, ...sender, ...overrides };
}

describe('commandHandlerFor', () => {
  const store = new InMemoryEventStore();
  const clock = new ManualClock('2026-03-01T10:00:00.000Z');
  let bus: CommandBus;

  beforeAll(async () => {
    @Module({
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: EVENT_STORE, useValue: store },
        { provide: CLOCK, useValue: clock },
        notes.Handler,
        renames.Handler,
      ],
    })
    class NotesModule {}
    const moduleRef = await Test.createTestingModule({ imports: [NotesModule] }).compile();
    await moduleRef.init();
    bus = moduleRef.get(CommandBus);
  });

  const send = <Input, State, Result>(
    aggregate: AggregateCommands<Input, State, Result>,
    envelope: CommandEnvelope<Input, State>,
  ) => bus.execute<InstanceType<typeof aggregate.Message>, Result>(new aggregate.Message(envelope));

  it('routes the aggregate message on the CommandBus to its handler, which adds the clock now', async () => {
    const outcome = await send(notes, envelopeOf({ type: 'WriteNote' as const, title: 'Draft' }));
    expect(outcome.events).toEqual([expect.objectContaining({ type: 'NoteWritten', revision: 0n })]);
    expect(outcome.events[0]?.data).toEqual({ title: 'Draft', at: '2026-03-01T10:00:00.000Z' });
    expect(notes.Handler.name).toBe('NoteCommandHandler');
  });

  it('refuses through the decider and writes nothing', async () => {
    await expect(send(notes, envelopeOf({ type: 'WriteNote' as const, title: 'Again' }))).rejects.toThrow(
      'already written',
    );
    expect(await store.readStream(noteStream('acme', 'n1'))).toHaveLength(1);
  });

  it('keeps the envelope checks of handleCommand: an unknown stream with mustExist is a 404 for the entity', async () => {
    const missing = envelopeOf(
      { type: 'WriteNote' as const, title: 'x' },
      { stream: noteStream('acme', 'n2'), mustExist: { entity: 'Note', id: 'n2' } },
    );
    await expect(send(notes, missing)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('completes the command with facts from the store and answers what `result` makes of the outcome', async () => {
    clock.advance(60_000);
    const answer = await send(renames, envelopeOf({ type: 'RenameNote' as const, title: 'Final' }));
    expect(answer.renamed).toBe(1);
    expect(answer.outcome.events[0]?.data).toEqual({ title: 'Final', at: '2026-03-01T10:01:00.000Z' });
  });

  it('takes commands on one stream in turns within the process: a burst of twenty all land, none runs out of retries', async () => {
    const before = (await store.readStream(noteStream('acme', 'n1'))).length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => send(renames, envelopeOf({ type: 'RenameNote' as const, title: `T${i}` }))),
    );
    expect(answers.map((a) => a.renamed)).toEqual(Array.from({ length: 20 }, () => 1));
    const revisions = (await store.readStream(noteStream('acme', 'n1'))).map((e) => Number(e.revision));
    expect(revisions).toEqual(Array.from({ length: before + 20 }, (_, i) => i));
  });
});
