import { type Logger, LogLevel } from '@slack/web-api';

/** A Web API client logger that says nothing: tests read what the fake Slack recorded instead. */
export const silentLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
  setLevel: () => {},
  getLevel: () => LogLevel.ERROR,
  setName: () => {},
};
