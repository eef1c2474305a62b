/**
 * What a tag looks like: lower-case words joined by hyphens (`price-first`,
 * `decision-maker`). Tagging a lead, previewing a score and a scoring model's tag rules
 * all check this one pattern, so a rule can only name a tag a lead can actually carry.
 */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]{0,62}$/;

export const TAG_RULE = 'lower-case letters, digits and hyphens, up to 63 characters';

export const isLeadTag = (value: unknown): value is string => typeof value === 'string' && TAG_PATTERN.test(value);
