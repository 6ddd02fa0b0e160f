/** Mails sent at once: the dispatcher's parallel sends and the SMTP pool's connections. */
export const PARALLEL_SENDS = 10;
