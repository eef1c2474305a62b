import { AnnouncedRevisions } from './announced-revisions';

const change = (stream: string, revision: number) => ({ stream, type: 'LeadAssigned', revision, position: '1' });

describe('Telling that a screen shows a record older than the live feed announced', () => {
  it('is behind until the read model shows the announced revision, then forgets it', () => {
    const announced = new AnnouncedRevisions();
    announced.note(change('lead-1', 4), 0);
    expect(announced.behind([{ stream: 'lead-1', revision: 3 }], 10)).toBe(true);
    expect(announced.behind([{ stream: 'lead-1', revision: 4 }], 20)).toBe(false);
    expect(announced.behind([{ stream: 'lead-1', revision: 3 }], 30)).toBe(false);
  });

  it('keeps the newest revision announced, and ignores records it heard nothing of', () => {
    const announced = new AnnouncedRevisions();
    announced.note(change('lead-1', 5), 0);
    announced.note(change('lead-1', 2), 1);
    expect(announced.behind([{ stream: 'lead-1', revision: 4 }], 2)).toBe(true);
    expect(announced.behind([{ stream: 'lead-2', revision: 0 }], 2)).toBe(false);
  });

  it('gives up after its patience, so a read model that never shows an event cannot loop a screen', () => {
    const announced = new AnnouncedRevisions(1000);
    announced.note(change('lead-1', 9), 0);
    expect(announced.behind([{ stream: 'lead-1', revision: 1 }], 999)).toBe(true);
    expect(announced.behind([{ stream: 'lead-1', revision: 1 }], 1001)).toBe(false);
  });
});
