import { DomainError, InvalidInputError } from '#ltc/kernel';
import type { HoldHandoverMeeting, ScheduleHandoverMeeting } from './contract.commands.js';
import type { ContractEvent } from './contract.events.js';
import type { ContractState } from './contract.state.js';
import type { Triangle } from './contract-vocabulary.js';
import { iso, optional, required, signedContract, attributed } from './contract-guards.js';

/** (Re)schedules the meeting with the triangle as the deal holds it now: the AR, SR and FR must all be invited. */
export function decideScheduleHandover(command: ScheduleHandoverMeeting, state: ContractState): ContractEvent[] {
  const contract = signedContract(state, command.contractId);
  if (contract.handover.status === 'held') {
    throw new DomainError('HANDOVER_ALREADY_HELD', `The handover of contract ${contract.contractId} is done`);
  }
  if (Number.isNaN(command.scheduledAt.getTime())) {
    throw new InvalidInputError('scheduledAt', 'dateTime', 'scheduledAt must be a date-time');
  }
  const triangle = checkedTriangle(command.triangle);
  if (triangle.fr === null) {
    throw new DomainError('TRIANGLE_HAS_NO_FR', 'Name the deal’s FR before scheduling the handover: they take command');
  }
  const attendees = people(command.attendees, 'attendees');
  const missing = [triangle.ar, triangle.sr, triangle.fr].filter(
    (person): person is string => person !== null && !attendees.includes(person),
  );
  if (missing.length > 0) {
    throw new DomainError('ATTENDEES_MISSING_TRIANGLE', `Invite the whole triangle; missing: ${missing.join(', ')}`, {
      missing,
    });
  }
  return [
    {
      type: 'HandoverMeetingScheduled',
      data: {
        ...attributed(contract, command),
        scheduledAt: iso(command.scheduledAt),
        attendees,
        triangle,
        previousScheduledAt: contract.handover.scheduledAt,
      },
    },
  ];
}

/** Held with the AR handing over and the FR taking over present: command passes to the FR in the same decision. */
export function decideHoldHandover(command: HoldHandoverMeeting, state: ContractState): ContractEvent[] {
  const contract = signedContract(state, command.contractId);
  const { handover } = contract;
  if (handover.status === 'held') {
    throw new DomainError('HANDOVER_ALREADY_HELD', `The handover of contract ${contract.contractId} is done`);
  }
  if (handover.status === 'none') {
    throw new DomainError('HANDOVER_NOT_SCHEDULED', 'Schedule the handover meeting before holding it');
  }
  const { ar, fr } = handover.triangle;
  const present = people(command.attendeesPresent, 'attendeesPresent');
  const absent = [ar, fr].filter((person): person is string => person !== null && !present.includes(person));
  if (fr === null || absent.length > 0) {
    throw new DomainError(
      'HANDOVER_PARTIES_ABSENT',
      'The AR handing over and the FR taking over must both be present',
      {
        absent,
      },
    );
  }
  const openItems = command.openItems.map((item, index) => ({
    description: required(item.description, `openItems[${index}].description`),
    owner: required(item.owner, `openItems[${index}].owner`),
  }));
  const base = attributed(contract, command);
  return [
    {
      type: 'HandoverMeetingHeld',
      data: {
        ...base,
        heldAt: base.at,
        attendeesPresent: present,
        notes: optional(command.notes),
        openItems,
        risks: command.risks.map((risk) => risk.trim()).filter((risk) => risk !== ''),
      },
    },
    { type: 'ContractHandedOver', data: { ...base, dealId: contract.dealId, from: ar, to: fr } },
  ];
}

function checkedTriangle(triangle: Triangle): Triangle {
  return {
    ar: required(triangle.ar, 'triangle.ar'),
    sr: optional(triangle.sr),
    fr: optional(triangle.fr),
    sponsor: optional(triangle.sponsor),
  };
}

/** Person ids, trimmed, once each, at least one. */
function people(ids: readonly string[], field: string): string[] {
  const unique = [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ''))];
  if (unique.length === 0) throw new InvalidInputError(field, 'notEmpty', `${field} must name at least one person`);
  return unique;
}
