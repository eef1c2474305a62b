/**
 * A customer account as tickets name it (until contracts give every customer an id): a name that
 * starts with a letter or digit, then letters, digits, spaces and `. , & ' ( ) + _ -`. The same
 * rule at intake and in `/customers/{account}/tickets`, so every account a ticket names can be
 * looked up by its path, and a path never carries control characters, `/` or query syntax.
 */
export const CUSTOMER_ACCOUNT = /^[\p{L}\p{N}][\p{L}\p{N}\p{M} .,&'()+_-]{0,199}$/u;

export const CUSTOMER_ACCOUNT_RULE =
  "must be a customer name of up to 200 characters: a letter or digit first, then letters, digits, spaces and . , & ' ( ) + _ -";
