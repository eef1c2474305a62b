import type { Money } from '#ltc/kernel';
import type { EditableLeadDetails, LeadContactChanged, LeadDetailsEdited } from './lead-changes.events.js';
import type { EditLead } from './lead.commands.js';
import type { LeadEvent } from './lead.events.js';
import type { Lead, LeadState } from './lead.state.js';
import { iso, open } from './lead-guards.js';

/** The details as they stand now, in the shape an edit names them. */
export function currentDetails(lead: Lead): EditableLeadDetails {
  const p = lead.profile;
  return {
    name: p.name,
    company: p.company,
    contactPerson: p.contact.person,
    region: p.region,
    language: p.language ?? null,
    industry: p.industry ?? null,
    estimatedDealSize: p.estimatedDealSize ?? null,
    notes: p.notes ?? null,
  };
}

/** An open lead's details and contact methods change; only what differs becomes an event (none: no event). */
export function decideEdit(command: EditLead, state: LeadState): LeadEvent[] {
  const lead = open(state, command.leadId);
  const at = iso(command.now);
  const events: LeadEvent[] = [];
  const changes = detailChanges(currentDetails(lead), command.details);
  if (Object.keys(changes).length > 0) {
    events.push({ type: 'LeadDetailsEdited', data: { leadId: lead.leadId, changes, at } });
  }
  const contact = contactChange(lead, command.contact, at);
  if (contact) events.push(contact);
  return events;
}

function detailChanges(
  before: EditableLeadDetails,
  requested: Partial<EditableLeadDetails>,
): LeadDetailsEdited['data']['changes'] {
  const changes: Record<string, { before: unknown; after: unknown }> = {};
  for (const field of Object.keys(requested) as (keyof EditableLeadDetails)[]) {
    const after = requested[field];
    if (after === undefined || same(before[field], after)) continue;
    changes[field] = { before: before[field], after };
  }
  return changes;
}

function contactChange(lead: Lead, requested: EditLead['contact'], at: string): LeadContactChanged | undefined {
  const { email, phone } = lead.profile.contact;
  const nextEmail = requested.email === undefined ? email : (requested.email?.trim().toLowerCase() ?? null);
  const nextPhone = requested.phone === undefined ? phone : (requested.phone?.trim() ?? null);
  if (nextEmail === email && nextPhone === phone) return undefined;
  return {
    type: 'LeadContactChanged',
    data: {
      leadId: lead.leadId,
      ...(nextEmail !== email ? { email: { before: email, after: nextEmail } } : {}),
      ...(nextPhone !== phone ? { phone: { before: phone, after: nextPhone } } : {}),
      complete: Boolean(nextEmail || nextPhone),
      at,
    },
  };
}

function same(a: string | Money | null, b: string | Money | null): boolean {
  if (a === null || b === null || typeof a === 'string' || typeof b === 'string') return a === b;
  return a.amountMinor === b.amountMinor && a.currency === b.currency;
}

/** The lead's profile after an edit event. */
export function editedProfile(lead: Lead, event: LeadDetailsEdited | LeadContactChanged): Lead['profile'] {
  const p = lead.profile;
  if (event.type === 'LeadContactChanged') {
    const { email, phone } = event.data;
    return {
      ...p,
      contact: {
        ...p.contact,
        email: email ? email.after : p.contact.email,
        phone: phone ? phone.after : p.contact.phone,
      },
    };
  }
  const c = event.data.changes;
  return {
    ...p,
    ...(c.name ? { name: c.name.after } : {}),
    ...(c.company ? { company: c.company.after } : {}),
    ...(c.contactPerson ? { contact: { ...p.contact, person: c.contactPerson.after } } : {}),
    ...(c.region ? { region: c.region.after } : {}),
    ...(c.language ? { language: c.language.after } : {}),
    ...(c.industry ? { industry: c.industry.after } : {}),
    ...(c.estimatedDealSize ? { estimatedDealSize: c.estimatedDealSize.after } : {}),
    ...(c.notes ? { notes: c.notes.after } : {}),
  };
}
