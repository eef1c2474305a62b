/**
 * A rep's id is the `sub` of the token that person signs in with, so it follows the
 * identity provider: letters, digits and the separators subs commonly carry
 * (`auth0|5f1c…`, `ingrid@nordfrakt.example`, `urn:…`), up to 128 characters.
 */
export const REP_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@|+-]{0,127}$/;

/** A team id is a slug the caller chooses, e.g. `emea-north` or `key_accounts`. */
export const TEAM_ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
