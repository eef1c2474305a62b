import { InvalidInputError } from '#ltc/kernel';
import { LTC_CONTEXTS } from '../contexts.js';
import { permissionMatrixOf } from '../engine.permissions.js';
import { LIVE_KINDS, liveStreamPrefixes, positionOfLastEventId } from './live-kinds.js';

const matrix = permissionMatrixOf(LTC_CONTEXTS);

describe('Who hears of which changes on GET /live', () => {
  it('names only list routes the matrix has, so a renamed route cannot silence the feed', () => {
    for (const kind of LIVE_KINDS) expect(matrix.routes.has(kind.listRoute)).toBe(true);
  });

  it('lets each role hear of exactly the kinds of record it may list', () => {
    expect(liveStreamPrefixes(matrix, ['admin'])).toEqual(['lead-', 'opportunity-', 'contract-', 'ticket-']);
    for (const role of ['ar', 'marketing', 'service_agent', 'auditor'] as const) {
      const heard = liveStreamPrefixes(matrix, [role]);
      const listable = LIVE_KINDS.filter((kind) => {
        const permission = matrix.routes.get(kind.listRoute);
        return typeof permission === 'object' && permission[role] !== undefined;
      }).map((kind) => kind.streamPrefix);
      expect(heard).toEqual(listable);
    }
  });

  it('hears nothing of a context that is not composed', () => {
    const leadsOnly = permissionMatrixOf(LTC_CONTEXTS.filter((context) => context.name === 'leads'));
    expect(liveStreamPrefixes(leadsOnly, ['admin'])).toEqual(['lead-']);
  });

  it('resumes after a Last-Event-ID that is a position, and refuses anything else', () => {
    expect(positionOfLastEventId(' 42 ')).toBe(42n);
    expect(positionOfLastEventId(undefined)).toBeUndefined();
    expect(positionOfLastEventId('')).toBeUndefined();
    expect(() => positionOfLastEventId('-1')).toThrow(InvalidInputError);
    expect(() => positionOfLastEventId('1'.repeat(20))).toThrow(InvalidInputError);
  });
});
