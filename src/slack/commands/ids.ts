/** The one slash command; its subcommands are routed by handle-rapport-command.ts. */
export const COMMAND = '/rapport';
