/** How carefully a large announcement goes out (ANNOUNCE_* settings). */
export interface AnnouncementSettings {
  /** Over this many partnerships, their owners are told and may leave their customer out. */
  holdThreshold: number;
  /** How long owners have to do so; nothing is sent before it has passed. */
  holdMs: number;
  /** Over this many partnerships, a colleague of the sender must sign it off before it goes. */
  signOffThreshold: number;
}

export const DEFAULT_ANNOUNCEMENT_SETTINGS: AnnouncementSettings = {
  holdThreshold: 20,
  holdMs: 2 * 3_600_000,
  signOffThreshold: 100,
};

export const needsSignOff = (partnerships: number, settings: AnnouncementSettings) =>
  partnerships > settings.signOffThreshold;

export const needsHold = (partnerships: number, settings: AnnouncementSettings) =>
  partnerships > settings.holdThreshold;
