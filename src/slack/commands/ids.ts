/** The one slash command; each feature registers its subcommands (commands/index.ts). */
export const COMMAND = '/rapport';
