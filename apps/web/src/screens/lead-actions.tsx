import { useState, type FormEvent, type ReactNode } from 'react';
import { settle, type Result, type Schemas } from '../api/client';
import { commandHeaders, newIdempotencyKey, type CommandHeaders } from '../api/command-headers';
import { isStale, type ApiProblem } from '../api/problem';
import { ProblemMessage } from '../ui/feedback';
import { SelectField } from '../ui/select-field';
import { ATTEMPT_CHANNELS, ATTEMPT_OUTCOMES, DISQUALIFY_REASONS, TAG_CATEGORIES } from '../api/vocabulary';
import { useSession } from '../ui/session-context';

type LeadDetailView = Schemas['LeadDetailView'];
type Send = (headers: CommandHeaders) => Promise<Result<Schemas['CommandResponseDto']>>;

const WORKABLE = ['assigned', 'working'];
const CLAIMABLE = ['pooled', 'recycled'];
const OPEN = ['new', 'pooled', 'offered', 'recycled', 'assigned', 'working', 'qualified', 'nurturing'];

/**
 * The commands a lead's status allows, each sent with If-Match (the revision on screen) and an
 * Idempotency-Key (one per action: "Try again" after a lost answer sends the same key, so the
 * API applies it once). A stale revision is shown as a change by someone else, with a reload.
 */
export function LeadActions({ lead, onChanged }: { readonly lead: LeadDetailView; readonly onChanged: () => void }) {
  const { client, identity } = useSession();
  const [busy, setBusy] = useState<string>();
  const [failed, setFailed] = useState<{ problem: ApiProblem; retry: () => void }>();
  const [done, setDone] = useState<string>();
  const path = { id: lead.id };

  const run = (label: string, send: Send, key = newIdempotencyKey()): void => {
    setBusy(label);
    setFailed(undefined);
    setDone(undefined);
    void send(commandHeaders(lead.revision, key)).then((result) => {
      setBusy(undefined);
      if (result.ok) {
        setDone(`${label}: done`);
        onChanged();
      } else setFailed({ problem: result.problem, retry: () => run(label, send, key) });
    });
  };
  const idempotent = (headers: CommandHeaders) => ({ 'Idempotency-Key': headers['Idempotency-Key'] });
  const offeredToMe = lead.status === 'offered' && lead.offeredTo === identity.userId;

  return (
    <aside className="actions" aria-labelledby="actions-title" aria-busy={busy !== undefined}>
      <h2 id="actions-title">Actions</h2>
      {failed &&
        (isStale(failed.problem) ? (
          <ProblemMessage problem={failed.problem} onRetry={onChanged} retryLabel="Reload" />
        ) : (
          <ProblemMessage problem={failed.problem} onRetry={failed.retry} />
        ))}
      {done && (
        <p role="status" className="done">
          {done}
        </p>
      )}
      {CLAIMABLE.includes(lead.status) && (
        <button
          type="button"
          disabled={busy !== undefined}
          onClick={() =>
            run('Claim', (h) => settle(client.POST('/leads/{id}/claim', { params: { path, header: idempotent(h) } })))
          }
        >
          Claim this lead
        </button>
      )}
      {offeredToMe && (
        <div className="row">
          <button
            type="button"
            disabled={busy !== undefined}
            onClick={() =>
              run('Accept offer', (h) =>
                settle(client.POST('/leads/{id}/offer/accept', { params: { path, header: idempotent(h) } })),
              )
            }
          >
            Accept offer
          </button>
          <button
            type="button"
            disabled={busy !== undefined}
            onClick={() =>
              run('Decline offer', (h) =>
                settle(client.POST('/leads/{id}/offer/decline', { params: { path, header: idempotent(h) }, body: {} })),
              )
            }
          >
            Decline offer
          </button>
        </div>
      )}
      {WORKABLE.includes(lead.status) && (
        <>
          <AttemptForm
            busy={busy !== undefined}
            onSubmit={(body) =>
              run('Log attempt', (header) =>
                settle(client.POST('/leads/{id}/attempts', { params: { path, header }, body })),
              )
            }
          />
          <QualifyForm
            busy={busy !== undefined}
            onSubmit={(body) =>
              run('Qualify', (header) => settle(client.POST('/leads/{id}/qualify', { params: { path, header }, body })))
            }
          />
          <DisqualifyForm
            busy={busy !== undefined}
            onSubmit={(body) =>
              run('Disqualify', (header) =>
                settle(client.POST('/leads/{id}/disqualify', { params: { path, header }, body })),
              )
            }
          />
          <NurtureForm
            busy={busy !== undefined}
            onSubmit={(body) =>
              run('Nurture', (header) => settle(client.POST('/leads/{id}/nurture', { params: { path, header }, body })))
            }
          />
        </>
      )}
      {lead.status === 'qualified' && (
        <button
          type="button"
          disabled={busy !== undefined}
          onClick={() =>
            run('Convert', (header) => settle(client.POST('/leads/{id}/convert', { params: { path, header } })))
          }
        >
          Convert to an opportunity
        </button>
      )}
      {OPEN.includes(lead.status) && (
        <TagForm
          busy={busy !== undefined}
          onSubmit={(body) =>
            run('Tag', (header) => settle(client.POST('/leads/{id}/tags', { params: { path, header }, body })))
          }
        />
      )}
      {busy && (
        <p role="status" aria-live="polite">
          {busy}…
        </p>
      )}
    </aside>
  );
}

function ActionForm({
  title,
  busy,
  onSubmit,
  children,
}: {
  readonly title: string;
  readonly busy: boolean;
  readonly onSubmit: () => void;
  readonly children: ReactNode;
}) {
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <details>
      <summary>{title}</summary>
      <form onSubmit={submit} aria-label={title}>
        {children}
        <button type="submit" disabled={busy}>
          {title}
        </button>
      </form>
    </details>
  );
}

function Field({ id, label, children }: { readonly id: string; readonly label: string; readonly children: ReactNode }) {
  return (
    <span className="field">
      <label htmlFor={id}>{label}</label>
      {children}
    </span>
  );
}

type AttemptBody = Schemas['ContactAttemptDto'];

function AttemptForm({ busy, onSubmit }: { readonly busy: boolean; readonly onSubmit: (body: AttemptBody) => void }) {
  const [body, setBody] = useState<AttemptBody>({ channel: 'phone', outcome: 'reached', note: '' });
  return (
    <ActionForm
      title="Log attempt"
      busy={busy}
      onSubmit={() => onSubmit(body.note ? body : { ...body, note: undefined })}
    >
      <SelectField
        id="attempt-channel"
        label="Channel"
        value={body.channel}
        options={ATTEMPT_CHANNELS}
        onChange={(v) => v && setBody({ ...body, channel: v })}
      />
      <SelectField
        id="attempt-outcome"
        label="Outcome"
        value={body.outcome}
        options={ATTEMPT_OUTCOMES}
        onChange={(v) => v && setBody({ ...body, outcome: v })}
      />
      <Field id="attempt-note" label="Note">
        <input id="attempt-note" value={body.note ?? ''} onChange={(e) => setBody({ ...body, note: e.target.value })} />
      </Field>
    </ActionForm>
  );
}

type QualifyBody = Schemas['QualifyLeadDto'];

function QualifyForm({ busy, onSubmit }: { readonly busy: boolean; readonly onSubmit: (body: QualifyBody) => void }) {
  const [body, setBody] = useState<QualifyBody>({ budget: '', authority: '', need: '', timeline: '' });
  return (
    <ActionForm title="Qualify" busy={busy} onSubmit={() => onSubmit(body)}>
      {(['budget', 'authority', 'need', 'timeline'] as const).map((name) => (
        <Field key={name} id={`qualify-${name}`} label={name[0]?.toUpperCase() + name.slice(1)}>
          <input
            id={`qualify-${name}`}
            required
            value={body[name]}
            onChange={(e) => setBody({ ...body, [name]: e.target.value })}
          />
        </Field>
      ))}
    </ActionForm>
  );
}

type DisqualifyBody = Schemas['DisqualifyLeadDto'];

function DisqualifyForm({
  busy,
  onSubmit,
}: {
  readonly busy: boolean;
  readonly onSubmit: (body: DisqualifyBody) => void;
}) {
  const [reasonCode, setReasonCode] = useState<DisqualifyBody['reasonCode']>('no_budget');
  return (
    <ActionForm title="Disqualify" busy={busy} onSubmit={() => onSubmit({ reasonCode })}>
      <SelectField
        id="disqualify-reason"
        label="Reason"
        value={reasonCode}
        options={DISQUALIFY_REASONS}
        onChange={(v) => v && setReasonCode(v)}
      />
    </ActionForm>
  );
}

function NurtureForm({
  busy,
  onSubmit,
}: {
  readonly busy: boolean;
  readonly onSubmit: (body: Schemas['NurtureLeadDto']) => void;
}) {
  const [day, setDay] = useState('');
  return (
    <ActionForm
      title="Nurture"
      busy={busy}
      onSubmit={() => onSubmit({ reactivateOn: new Date(`${day}T08:00:00`).toISOString() })}
    >
      <Field id="nurture-day" label="Back for work on">
        <input id="nurture-day" type="date" required value={day} onChange={(e) => setDay(e.target.value)} />
      </Field>
    </ActionForm>
  );
}

type TagBody = Schemas['TagLeadDto'];

function TagForm({ busy, onSubmit }: { readonly busy: boolean; readonly onSubmit: (body: TagBody) => void }) {
  const [body, setBody] = useState<TagBody>({ category: 'free', tag: '', remove: false });
  return (
    <ActionForm title="Tag" busy={busy} onSubmit={() => onSubmit(body)}>
      <SelectField
        id="tag-category"
        label="Category"
        value={body.category}
        options={TAG_CATEGORIES}
        onChange={(v) => v && setBody({ ...body, category: v })}
      />
      <Field id="tag-name" label="Tag">
        <input
          id="tag-name"
          required
          pattern="[a-z0-9][a-z0-9-]*"
          value={body.tag}
          onChange={(e) => setBody({ ...body, tag: e.target.value })}
        />
      </Field>
    </ActionForm>
  );
}
