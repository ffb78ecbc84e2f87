import { z } from 'zod';

/** The parts of view.state.values Rapport reads; anything else Slack sends is ignored. */
const elementState = z
  .object({
    value: z.string().nullish(),
    selected_user: z.string().nullish(),
    selected_users: z.array(z.string()).nullish(),
    selected_conversation: z.string().nullish(),
    selected_time: z.string().nullish(),
    selected_date: z.string().nullish(),
    selected_option: z.object({ value: z.string() }).nullish(),
    selected_options: z.array(z.object({ value: z.string() })).nullish(),
  })
  .loose();

export const viewStateValues = z.record(z.string(), z.record(z.string(), elementState));
export type ViewStateValues = z.infer<typeof viewStateValues>;
export type ElementState = z.infer<typeof elementState>;

/** Reads one element of a submitted view; blocks missing from the payload read as empty. */
export function element(values: ViewStateValues, blockId: string, actionId: string): ElementState {
  return values[blockId]?.[actionId] ?? {};
}

/** The first input of a submitted form: where a problem with the form as a whole is shown. */
export const firstInputBlockId = (view: { blocks: { type: string; block_id?: string }[] }) =>
  view.blocks.find((block) => block.type === 'input')?.block_id;
