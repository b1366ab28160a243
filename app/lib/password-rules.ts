/** How long a password may be: read by the forms that set one, and by the server that checks it. */
export const PASSWORD_MIN_LENGTH = 12;
/** Longer passwords are refused before any hashing: a megabyte-long one would only cost memory. */
export const PASSWORD_MAX_LENGTH = 1024;
