import { Inject, Optional, type Type } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '#ltc/clock';
import {
  KeyedLock,
  StreamStateCache,
  handleCommand,
  type CachedStreamState,
  type CommandEnvelope,
  type CommandOutcome,
} from '#ltc/commanding';
import { EVENT_STORE, type EventStore } from '#ltc/event-store';
import type { Decider, DomainEvent, EventParser } from '#ltc/kernel';
import { ENGINE_METRICS, refusalOutcome, type EngineMetrics } from '../metrics/engine-metrics.js';

/** A command as its sender writes it: the handler adds the clock's `now`, so senders cannot pick the time. */
export type WithoutNow<C> = C extends unknown ? Omit<C, 'now'> : never;

/** The Nest CQRS message of every command of one aggregate: the envelope, without the clock's time. */
export interface CommandMessage<Input, State> {
  readonly envelope: CommandEnvelope<Input, State>;
  /** The stream as the sender has just folded it, to decide on without reading it again. */
  readonly loaded?: CachedStreamState<State> | undefined;
}

export type CommandMessageClass<Input, State> = new (
  envelope: CommandEnvelope<Input, State>,
  loaded?: CachedStreamState<State>,
) => CommandMessage<Input, State>;

/** One aggregate's command path: the message sent on the CommandBus and the handler that decides it. */
export interface AggregateCommands<Input, State, Result = CommandOutcome> {
  readonly Message: CommandMessageClass<Input, State>;
  /** Register as a provider of the context's module; it is the only handler the aggregate needs. */
  readonly Handler: Type<ICommandHandler<CommandMessage<Input, State>, Result>>;
  /** Names a missing stream in the 404 (`mustExist`). */
  readonly entity: string;
  readonly stream: (tenantId: string, id: string) => string;
}

/** What a handler knows besides the command, for completing it before the decision. */
export interface CommandFacts {
  readonly now: Date;
  readonly tenantId: string;
  readonly store: EventStore;
}

export interface CommandHandlerForOptions<Command, Input, State, Result, Event extends DomainEvent = DomainEvent> {
  /** The aggregate's name, e.g. `Rep`: a missing stream answers 404 for it; also names the message and handler. */
  readonly entity: string;
  /** The stream of one instance. */
  readonly stream: (tenantId: string, id: string) => string;
  /** Keep the folded state of recent streams, so a command reads only newer events (for busy, long streams). */
  readonly cache?: boolean;
  /** The context's event parser, through which the handler's fold narrows and upcasts stored events. */
  readonly parse: EventParser<Event>;
  /** The shape version each event type is written with (see `handleCommand`); default 1 for every type. */
  readonly schemaVersions?: Readonly<Record<string, number>>;
  /**
   * Turns what the sender wrote into the decider's command; by default adds the clock's
   * `now`. For facts from outside the stream the decider needs (does the named team exist?).
   */
  readonly complete?: (input: Input, facts: CommandFacts) => Command | Promise<Command>;
  /** What the handler answers instead of the bare outcome (e.g. a version that is in force after the command). */
  readonly result?: (
    outcome: CommandOutcome,
    envelope: CommandEnvelope<Input, State>,
    store: EventStore,
  ) => Promise<Result>;
}

/**
 * The one generic, decider-driven command handler of an aggregate, on `handleCommand`:
 * a context declares its decider and stream here and sends `new Message(envelope)` on
 * the CommandBus; no handler file per command. The clock's `now` is added here, once.
 */
export function commandHandlerFor<
  Command extends { readonly now: Date },
  Event extends DomainEvent,
  State,
  Input = WithoutNow<Command>,
  Result = CommandOutcome,
>(
  decider: Decider<Command, Event, State>,
  options: CommandHandlerForOptions<Command, Input, State, Result, Event>,
): AggregateCommands<Input, State, Result> {
  // Every variant of the input plus `now` is a command; the compiler cannot see through the distributed Omit.
  const complete =
    options.complete ?? ((input: Input, { now }: CommandFacts) => ({ ...input, now }) as unknown as Command);
  class Message implements CommandMessage<Input, State> {
    constructor(
      readonly envelope: CommandEnvelope<Input, State>,
      readonly loaded?: CachedStreamState<State>,
    ) {}
  }

  @CommandHandler(Message)
  class Handler implements ICommandHandler<Message, Result> {
    private readonly cache = options.cache ? new StreamStateCache<State>() : undefined;
    /**
     * One command per stream at a time in this process: concurrent ones would read the same
     * revision, and only one per group commit could win, so a burst on one record would run out
     * of conflict retries here. Other processes are still raced through the stream's revision.
     */
    private readonly turns = new KeyedLock();

    constructor(
      @Inject(EVENT_STORE) private readonly store: EventStore,
      @Inject(CLOCK) private readonly clock: Clock,
      // Optional: a handler built outside the engine (a unit spec) counts nothing.
      @Optional() @Inject(ENGINE_METRICS) private readonly metrics?: EngineMetrics,
    ) {}

    async execute(message: Message): Promise<Result> {
      if (!this.metrics) return (await this.decide(message)).result;
      const aggregate = options.entity;
      const command = commandTypeOf(message.envelope.command);
      const done = this.metrics.commandSeconds.startTimer({ aggregate });
      try {
        const { outcome, result } = await this.decide(message);
        this.metrics.commands.inc({ aggregate, command, outcome: outcome.replayed ? 'replayed' : 'accepted' });
        return result;
      } catch (error) {
        this.metrics.commands.inc({ aggregate, command, outcome: refusalOutcome(error) });
        throw error;
      } finally {
        done();
      }
    }

    private async decide({ envelope, loaded }: Message): Promise<{ outcome: CommandOutcome; result: Result }> {
      const facts = { now: this.clock.now(), tenantId: envelope.tenantId, store: this.store };
      const command = await complete(envelope.command, facts);
      const outcome = await this.turns.run([envelope.stream], () =>
        handleCommand(
          this.store,
          decider,
          { ...envelope, command },
          {
            ...(this.cache ? { cache: this.cache } : {}),
            ...(loaded ? { loaded } : {}),
            parse: options.parse,
            ...(options.schemaVersions ? { schemaVersions: options.schemaVersions } : {}),
          },
        ),
      );
      return {
        outcome,
        result: options.result ? await options.result(outcome, envelope, this.store) : (outcome as Result),
      };
    }
  }

  // Readable names in Nest's logs and errors (`RepCommandHandler`), instead of many `Handler`s.
  Object.defineProperty(Message, 'name', { value: `${options.entity}CommandMessage` });
  Object.defineProperty(Handler, 'name', { value: `${options.entity}CommandHandler` });
  return { Message, Handler, entity: options.entity, stream: options.stream };
}

/** A command's `type` (every decider's commands are a union tagged by it), or `unknown`. */
function commandTypeOf(command: unknown): string {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' && /^[A-Za-z][A-Za-z0-9]{0,63}$/.test(type) ? type : 'unknown';
}
