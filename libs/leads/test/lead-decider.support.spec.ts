describe('Lead decider spec support', () => {
  it('loads with a dynamic import: no export named `then` makes the module look like a promise', async () => {
    const support = await import('./lead-decider.support.js');
    expect(support).not.toHaveProperty('then');
    expect(support.given(support.assignedLead()).state).toMatchObject({ status: 'assigned', owner: 'rep-a' });
  });
});
