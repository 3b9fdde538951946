// Where the mock listens unless told otherwise. A module of its own so that the docs can name the mock's URL
// without loading Prism.

/** Loopback only: the mock is for the person at this machine. */
export const DEFAULT_HOST = "127.0.0.1";
/** The port of the CLI, `npm start` and the docs' samples: Prism's own default, so existing habits carry over. */
export const DEFAULT_PORT = 4010;
